import type { Caller } from '@cms/auth';
import { TestClock } from '@cms/testing';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * The alternative address on a contact (issue 13): chosen from the postcode look-up by its UDPRN,
 * which contact-logging resolves with the address-lookup service at logging (here a stand-in), and
 * keeps with its provenance; or typed by hand, and marked so. An unknown UDPRN is a rejection reason.
 */
describe('contact-logging: the alternative address', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const clock = new TestClock('2026-12-01T09:30:00Z');
  let service: ContactLoggingUnderTest;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_logging_address',
      clock,
      meterPoints: {
        '3938424403': { status: 'DE', registeredShipper: shipper.organisationId },
        '2738491003': { status: 'DE', registeredShipper: null },
        '9081726309': { status: 'DE', registeredShipper: shipper.organisationId },
        '1357924604': { status: 'DE', registeredShipper: shipper.organisationId },
      },
      addresses: {
        '60000000': { buildingNumber: '15', thoroughfare: 'Juniper Close', dependentLocality: 'Fulwood', postTown: 'Preston', postcode: 'PR2 9QZ', uprn: '200060000001' },
      },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const logDtl = (mprn: string, alternativeAddress: unknown) => service.post(shipper, { ...dtl(mprn, 'Gas in use next door.', clock.now()), alternativeAddress });

  it('keeps an address chosen by UDPRN as the look-up gave it, with its provenance, and shows it on the contact', async () => {
    const { status, body } = await logDtl('3938424403', { udprn: '60000000' });

    expect(status).toBe(201);
    const contact = await service.call(shipper, 'GET', `/api/v1/contacts/${body.crn}`);
    expect(contact.body.details.alternativeAddress).toMatchObject({
      buildingNumber: '15',
      thoroughfare: 'Juniper Close',
      postTown: 'Preston',
      postcode: 'PR2 9QZ',
      organisation: null,
      udprn: '60000000',
      uprn: '200060000001',
      provenance: { source: 'ADDRESS_LOOKUP', lookedUpIn: 'PAF_TABLE', lookedUpAt: '2026-12-01T09:30:00.000Z' },
    });
    expect(service.addressLookup.asked).toContain('60000000');
  });

  it('rejects a UDPRN no delivery point has: MANDATORY_FIELD on the UDPRN, nothing logged', async () => {
    const { status, body } = await logDtl('2738491003', { udprn: '99999999' });

    expect(status).toBe(422);
    expect(body.errors).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'alternativeAddress.udprn',
        message: 'No delivery point has the UDPRN 99999999: choose the address again from the postcode look-up, or type it.',
      },
    ]);
    expect(await service.sql("SELECT count(*)::int AS n FROM contact WHERE mprn = '2738491003'")).toEqual([{ n: 0 }]);
  });

  it('marks an address typed by hand as typed, without asking the look-up', async () => {
    service.addressLookup.asked.length = 0;

    const { status, body } = await logDtl('9081726309', { buildingNumber: '17', thoroughfare: 'Juniper Close', postcode: 'pr2 9qz' });

    expect(status).toBe(201);
    const contact = await service.call(shipper, 'GET', `/api/v1/contacts/${body.crn}`);
    expect(contact.body.details.alternativeAddress).toMatchObject({ buildingNumber: '17', postcode: 'PR2 9QZ', udprn: null, uprn: null, provenance: { source: 'TYPED' } });
    expect(service.addressLookup.asked).toEqual([]);
  });

  it('answers 503 ADDRESS_LOOKUP_UNAVAILABLE and logs nothing when the look-up cannot be reached', async () => {
    service.addressLookup.available = false;
    try {
      const { status, body } = await logDtl('1357924604', { udprn: '60000000' });

      expect({ status, code: body.code }).toEqual({ status: 503, code: 'ADDRESS_LOOKUP_UNAVAILABLE' });
      expect(await service.sql("SELECT count(*)::int AS n FROM contact WHERE mprn = '1357924604'")).toEqual([{ n: 0 }]);
    } finally {
      service.addressLookup.available = true;
    }
  });
});
