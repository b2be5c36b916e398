import type { Caller } from '@cms/auth';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * The audit of contact state changes over HTTP (GET /api/v1/audit/contacts): contact-logging on its
 * own against a real PostgreSQL and Kafka, with a stand-in meter point register. A logged contact's
 * record is read by the originator's LSO and a CDSP administrator, not by another shipper's LSO,
 * and not by anyone without an LSO or CDSP administrator role.
 */
describe('GET /api/v1/audit/contacts', () => {
  const bwe = 'b39b394d-4352-47f1-9cab-919d828cf087';
  const tgs = 'c3f47655-09ea-480e-9700-a397bc4fae46';
  const cds = 'dcb0354e-c0fc-4a6b-98ba-cfd60cd99599';
  const shipper: Caller = { userId: 'bwe.user', organisationId: bwe, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const shipperLso: Caller = { userId: 'bwe.lso', organisationId: bwe, organisationType: 'SHIPPER', roles: ['LSO'] };
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: tgs, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const otherLso: Caller = { userId: 'tgs.lso', organisationId: tgs, organisationType: 'SHIPPER', roles: ['LSO'] };
  const cdspAdmin: Caller = { userId: 'cds.admin', organisationId: cds, organisationType: 'CDSP', roles: ['CDSP_ADMIN'] };
  const cdspAgent: Caller = { userId: 'cds.agent', organisationId: cds, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const deadPoints: Record<string, string> = { '3938424403': bwe, '9081726309': tgs };
  let service: ContactLoggingUnderTest;
  let crn: string;
  let otherCrn: string;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_logging_audit_api',
      meterPoints: Object.fromEntries(Object.entries(deadPoints).map(([mprn, shipperId]) => [mprn, { status: 'DE', registeredShipper: shipperId }])),
    });
    crn = await logDtl(shipper, '3938424403');
    otherCrn = await logDtl(otherShipper, '9081726309');
  });

  afterAll(async () => {
    await service?.close();
  });

  async function logDtl(caller: Caller, mprn: string): Promise<string> {
    const { status, body } = await service.post(caller, dtl(mprn));
    expect(status).toBe(201);
    return body.crn;
  }

  function audit(caller: Caller, query = ''): Promise<{ status: number; body: any }> {
    return service.call(caller, 'GET', `/api/v1/audit/contacts${query}`);
  }

  const crnsIn = (body: { items: { crn: string }[] }) => body.items.map((item) => item.crn);

  it('shows the originator’s LSO the record of its logged contact', async () => {
    const { status, body } = await audit(shipperLso);
    expect(status).toBe(200);
    expect(crnsIn(body)).toEqual([crn]);
    expect(body.items[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      actor: { userId: 'bwe.user', organisationId: bwe },
      organisationId: bwe,
      action: 'LOGGED',
      crn,
      before: null,
      after: expect.objectContaining({ crn, status: 'LOGGED', originator_organisation_id: bwe }),
      traceId: null,
    });
    expect(body.nextCursor).toBeNull();
  });

  it('does not show it to another shipper’s LSO, who sees only its own contact’s record', async () => {
    const { status, body } = await audit(otherLso);
    expect(status).toBe(200);
    expect(crnsIn(body)).toEqual([otherCrn]);
    expect((await audit(otherLso, `?organisationId=${bwe}`)).status).toBe(404);
  });

  it('shows every record to a CDSP administrator, newest first, paged and filtered', async () => {
    const all = await audit(cdspAdmin);
    expect(all.status).toBe(200);
    expect(crnsIn(all.body)).toEqual([otherCrn, crn]);
    const first = await audit(cdspAdmin, '?limit=1');
    expect(crnsIn(first.body)).toEqual([otherCrn]);
    const second = await audit(cdspAdmin, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(crnsIn(second.body)).toEqual([crn]);
    expect(second.body.nextCursor).toBeNull();
    expect(crnsIn((await audit(cdspAdmin, `?organisationId=${bwe}`)).body)).toEqual([crn]);
    expect(crnsIn((await audit(cdspAdmin, `?crn=${crn}&action=LOGGED`)).body)).toEqual([crn]);
    expect(crnsIn((await audit(cdspAdmin, '?action=WITHDRAWN')).body)).toEqual([]);
    expect((await audit(cdspAdmin, '?limit=101')).status).toBe(400);
  });

  it('refuses anyone who is neither an LSO nor a CDSP administrator', async () => {
    for (const caller of [shipper, cdspAgent]) {
      const { status, body } = await audit(caller);
      expect({ status, code: body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
  });
});
