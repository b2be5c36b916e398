import type { Caller } from '@cms/auth';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * The logging rules' product decisions come from configuration (docs/domain.md: every PD rule and
 * number changeable without a release): here the registered-shipper rule switched off and no meter
 * read older than today accepted.
 */
describe('logging rules from configuration', () => {
  const registered = 'b39b394d-4352-47f1-9cab-919d828cf087';
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: 'c3f47655-09ea-480e-9700-a397bc4fae46', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  let service: ContactLoggingUnderTest;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_logging_settings',
      meterPoints: { '3938424403': { status: 'DE', registeredShipper: registered }, '2738491003': { status: 'DE', registeredShipper: registered } },
      env: { LOGGING_REGISTERED_SHIPPER_ONLY: 'false', LOGGING_MAX_METER_READ_AGE_DAYS: '0' },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('accepts a shipper that is not the registered one when the rule is switched off', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const submission = dtl('3938424403');
    const readToday = { ...submission, dtlEvidence: { ...submission.dtlEvidence, meterRead: { value: '04521', readDate: today } } };
    expect((await service.post(otherShipper, readToday)).status).toBe(201);
  });

  it('refuses a meter read older than the configured age', async () => {
    const { status, body } = await service.post(otherShipper, dtl('2738491003'));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ code: 'MANDATORY_FIELD', field: 'dtlEvidence.meterRead.readDate' })]);
  });

  it('describes each contact type with the limits as configured (GET /contact-types), the same the rules apply', async () => {
    const all = await service.call(otherShipper, 'GET', '/api/v1/contact-types');
    expect(all.status).toBe(200);
    expect(all.body.map((definition: { type: string }) => definition.type)).toEqual(['DTL', 'ISO']);
    const dtlDefinition = await service.call(otherShipper, 'GET', '/api/v1/contact-types/DTL');
    const readDate = dtlDefinition.body.items.find((item: { field: string }) => item.field === 'dtlEvidence.meterRead.readDate');
    expect(readDate).toMatchObject({ requirement: 'MANDATORY', rule: expect.stringContaining('not more than 0 days ago') });
    expect((await service.call(otherShipper, 'GET', '/api/v1/contact-types/MNC')).status).toBe(404);
  });

  it('refuses to start with an organisation type that does not exist', async () => {
    await expect(
      startContactLogging({ databaseName: 'contact_logging_bad_settings', meterPoints: {}, env: { LOGGING_DTL_ORGANISATION_TYPES: 'SHIPPER,BANK' } }),
    ).rejects.toThrow('LOGGING_DTL_ORGANISATION_TYPES: "BANK" is not an organisation type.');
  });
});
