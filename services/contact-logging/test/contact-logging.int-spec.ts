import { Kafka, logLevel } from 'kafkajs';
import type { Caller } from '@cms/auth';
import { Topics } from '@cms/contracts';
import { testKafkaBrokers } from '@cms/testing';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * contact-logging on its own, against a real PostgreSQL and Kafka, with a stand-in for the meter
 * point register (another service, reached over HTTP) and real signed tokens.
 */
describe('contact-logging service', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: 'c3f47655-09ea-480e-9700-a397bc4fae46', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  let service: ContactLoggingUnderTest;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_logging',
      meterPoints: {
        '3938424403': { status: 'DE', registeredShipper: shipper.organisationId },
        '2738491003': { status: 'DE', registeredShipper: null },
        '5281736406': { status: 'LI', registeredShipper: shipper.organisationId },
        '9081726309': { status: 'DE', registeredShipper: shipper.organisationId },
        '1234567809': { status: 'DE', registeredShipper: null },
        '1357924604': { status: 'DE', registeredShipper: shipper.organisationId },
      },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const post = (caller: Caller, body: unknown) => service.post(caller, body);
  const sql = (text: string, values?: unknown[]) => service.sql(text, values);

  it('writes the contact, its first history entry and its event in one go, and the relay publishes the event', async () => {
    const { status, body } = await post(shipper, dtl('3938424403'));

    expect(status).toBe(201);
    const [contact] = await sql('SELECT status, visible_to, originator_user_id FROM contact WHERE crn = $1', [body.crn]);
    expect(contact).toEqual({ status: 'LOGGED', visible_to: [shipper.organisationId], originator_user_id: 'bwe.user' });
    expect(await sql('SELECT action FROM contact_history WHERE crn = $1', [body.crn])).toEqual([{ action: 'LOGGED' }]);
    const kafka = new Kafka({ clientId: 'contact-logging-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `contact-logging-test-${Date.now()}` });
    const keys: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.contacts, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void keys.push(message.key!.toString()) });
    const deadline = Date.now() + 20_000;
    while (!keys.includes(body.crn) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await consumer.disconnect();
    expect(keys).toContain(body.crn);
    const [outbox] = await sql('SELECT published_at IS NOT NULL AS published FROM outbox_message WHERE message_key = $1', [body.crn]);
    expect(outbox).toEqual({ published: true });
  });

  it('accepts exactly one of many simultaneous submissions for the same meter point; the others name its CRN', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => post(shipper, dtl('2738491003'))));

    const accepted = results.filter((result) => result.status === 201);
    const rejected = results.filter((result) => result.status === 422);
    expect(accepted).toHaveLength(1);
    expect(rejected).toHaveLength(11);
    for (const rejection of rejected) {
      expect(rejection.body.errors).toEqual([expect.objectContaining({ code: 'OPEN_CONTACT_EXISTS', message: expect.stringContaining(accepted[0].body.crn) })]);
    }
    expect(await sql("SELECT count(*)::int AS open FROM contact WHERE mprn = '2738491003'")).toEqual([{ open: 1 }]);
  });

  it('does not tell a shipper rejected as not the registered shipper that another organisation\'s contact is open on the meter point, nor record it', async () => {
    const first = await post(shipper, dtl('9081726309'));
    expect(first.status).toBe(201);

    const second = await post(otherShipper, dtl('9081726309'));

    // docs/domain.md, OPEN_CONTACT_EXISTS: an organisation not entitled to raise a contact on the
    // meter point (NOT_REGISTERED_SHIPPER) must not learn that a contact exists.
    expect(second.status).toBe(422);
    expect(second.body.errors.map((error: { code: string }) => error.code)).toEqual(['NOT_REGISTERED_SHIPPER']);
    expect(JSON.stringify(second.body)).not.toContain(first.body.crn);
    const [recorded] = await sql("SELECT rejections FROM rejected_submission WHERE user_id = 'tgs.user' AND mprn = '9081726309'");
    expect(recorded.rejections.map((rejection: { code: string }) => rejection.code)).toEqual(['NOT_REGISTERED_SHIPPER']);
    expect(JSON.stringify(recorded)).not.toContain(first.body.crn);
  });

  it('tells an entitled shipper not involved in the open contact that one is open, without its CRN, among the other reasons', async () => {
    // No registered shipper on 1234567809: any shipper may raise a contact on it.
    const first = await post(shipper, dtl('1234567809'));
    expect(first.status).toBe(201);

    const second = await post(otherShipper, { ...dtl('1234567809'), description: '' });

    expect(second.status).toBe(422);
    expect(second.body.errors.map((error: { code: string }) => error.code)).toEqual(['MANDATORY_FIELD', 'OPEN_CONTACT_EXISTS']);
    expect(second.body.errors[1].message).toContain('not shown to your organisation');
    expect(JSON.stringify(second.body)).not.toContain(first.body.crn);
  });

  it('names the open contact to its own organisation among every other reason, even one that would deny another organisation', async () => {
    const first = await post(shipper, dtl('1357924604'));
    expect(first.status).toBe(201);
    // The supply changes hands while the contact is open: its originator is no longer the registered shipper.
    service.register.points.set('1357924604', { status: 'DE', registeredShipper: otherShipper.organisationId });

    const second = await post(shipper, dtl('1357924604'));

    expect(second.status).toBe(422);
    expect(second.body.errors.map((error: { code: string }) => error.code)).toEqual(['NOT_REGISTERED_SHIPPER', 'OPEN_CONTACT_EXISTS']);
    expect(second.body.errors[1].message).toContain(first.body.crn);
  });

  it('records every rejected submission with who, when, what and why, and gives it no CRN', async () => {
    const before = await sql('SELECT count(*)::int AS n FROM contact');

    const { status } = await post(otherShipper, { ...dtl('5281736406'), description: '' });

    expect(status).toBe(422);
    const [recorded] = await sql(
      "SELECT user_id, organisation_id, mprn, rejections FROM rejected_submission WHERE user_id = 'tgs.user' ORDER BY submitted_at DESC LIMIT 1",
    );
    expect(recorded).toEqual(
      expect.objectContaining({ user_id: 'tgs.user', organisation_id: otherShipper.organisationId, mprn: '5281736406' }),
    );
    expect(recorded.rejections.map((rejection: { code: string }) => rejection.code).sort()).toEqual(
      ['MANDATORY_FIELD', 'NOT_REGISTERED_SHIPPER', 'STATUS_NOT_DEAD'].sort(),
    );
    expect(await sql('SELECT count(*)::int AS n FROM contact')).toEqual(before);
  });

  it('lets a partner system log and read contacts only with the scopes for it', async () => {
    const partner = (scopes: string[]): Caller => ({ ...shipper, userId: 'client:bwe-system', roles: [], scopes });
    const asPartner = async (caller: Caller, method: string, path: string, body?: unknown) => (await service.call(caller, method, path, body)).status;

    expect(await asPartner(partner(['contacts:read']), 'POST', '/api/v1/contacts', dtl('5281736406'))).toBe(403);
    expect(await asPartner(partner(['meter-points:read']), 'GET', '/api/v1/contacts')).toBe(403);
    expect(await asPartner(partner(['contacts:read']), 'GET', '/api/v1/contacts')).toBe(200);
    expect(await asPartner(partner(['contacts:write']), 'POST', '/api/v1/contacts', { ...dtl('5281736406'), description: '' })).toBe(422);
  });

  it("refuses a shipper's Local Security Officer (no CONTACT_USER role) with 403, and records nothing", async () => {
    const shipperLso: Caller = { ...shipper, userId: 'bwe.lso', roles: ['LSO'] };
    const countOf = async () => (await sql("SELECT (SELECT count(*) FROM contact)::int AS contacts, (SELECT count(*) FROM rejected_submission)::int AS rejected"))[0];
    const before = await countOf();

    const { status, body } = await post(shipperLso, dtl('5281736406'));

    expect({ status, code: body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(body.detail).toContain('CONTACT_USER');
    expect(await countOf()).toEqual(before);
  });

  it('refuses a user who must still change a temporary password, as every service does: 403 PASSWORD_CHANGE_REQUIRED', async () => {
    const newcomer: Caller = { ...shipper, userId: 'bwe.newcomer', passwordChangeRequired: true };

    const logged = await post(newcomer, dtl('5281736406'));
    const listed = await service.call(newcomer, 'GET', '/api/v1/contacts');

    expect([logged.status, logged.body.code, listed.status, listed.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED', 403, 'PASSWORD_CHANGE_REQUIRED']);
  });

  it('answers 503 and logs nothing when the meter point register cannot be reached', async () => {
    service.register.available = false;
    try {
      const before = await sql('SELECT count(*)::int AS n FROM contact');
      const { status, body } = await post(shipper, dtl('5281736406'));
      expect({ status, code: body.code }).toEqual({ status: 503, code: 'METER_POINT_REGISTER_UNAVAILABLE' });
      expect(await sql('SELECT count(*)::int AS n FROM contact')).toEqual(before);
    } finally {
      service.register.available = true;
    }
  });
});
