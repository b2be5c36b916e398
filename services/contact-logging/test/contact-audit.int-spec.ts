import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Caller } from '@cms/auth';
import { applyHttpDefaults } from '@cms/service-defaults';
import { createTestDatabase, testKafkaBrokers, TestTokenIssuer } from '@cms/testing';

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
  const transporterOrganisationId = '383da001-dcc0-4cf5-8481-59b9749b0a6c';
  const shipper: Caller = { userId: 'bwe.user', organisationId: bwe, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const shipperLso: Caller = { userId: 'bwe.lso', organisationId: bwe, organisationType: 'SHIPPER', roles: ['LSO'] };
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: tgs, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const otherLso: Caller = { userId: 'tgs.lso', organisationId: tgs, organisationType: 'SHIPPER', roles: ['LSO'] };
  const cdspAdmin: Caller = { userId: 'cds.admin', organisationId: cds, organisationType: 'CDSP', roles: ['CDSP_ADMIN'] };
  const cdspAgent: Caller = { userId: 'cds.agent', organisationId: cds, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const deadPoints: Record<string, string> = { '3938424403': bwe, '9081726309': tgs };
  let issuer: TestTokenIssuer;
  let meterPoints: Server;
  let app: NestExpressApplication;
  let baseUrl: string;
  let crn: string;
  let otherCrn: string;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    meterPoints = createServer((request, response) => {
      const mprn = /^\/api\/v1\/meter-points\/(\d+)$/.exec(request.url ?? '')?.[1];
      if (!mprn || !(mprn in deadPoints)) return void response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          mprn,
          status: { code: 'DE', name: 'Dead' },
          transporter: { organisationId: transporterOrganisationId },
          registeredShipper: { organisationId: deadPoints[mprn] },
        }),
      );
    });
    await new Promise<void>((resolve) => meterPoints.listen(0, '127.0.0.1', resolve));
    const databaseUrl = await createTestDatabase('contact_logging_audit_api');
    Object.assign(process.env, issuer.env(), {
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      METER_POINTS_URL: `http://127.0.0.1:${(meterPoints.address() as AddressInfo).port}`,
    });
    const { contactLoggingModule, logger } = await import('../src/app.module');
    app = await NestFactory.create<NestExpressApplication>(contactLoggingModule(), { bodyParser: false, logger: false });
    applyHttpDefaults(app, logger);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

    crn = await logDtl(shipper, '3938424403');
    otherCrn = await logDtl(otherShipper, '9081726309');
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => meterPoints.close(resolve));
    await issuer.stop();
  });

  async function logDtl(caller: Caller, mprn: string): Promise<string> {
    const response = await fetch(`${baseUrl}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.tokenFor(caller)}` },
      body: JSON.stringify({
        type: 'DTL',
        mprn,
        originatorContact: { name: 'Amelia Hart', telephone: '0161 496 0000' },
        description: 'Gas in use at the property.',
        dtlEvidence: {
          meterRead: { value: '04521', readDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10) },
          meterSerialNumber: 'G4A-1',
        },
      }),
    });
    const body = (await response.json()) as { crn: string };
    expect(response.status).toBe(201);
    return body.crn;
  }

  async function audit(caller: Caller, query = ''): Promise<{ status: number; body: any }> {
    const response = await fetch(`${baseUrl}/api/v1/audit/contacts${query}`, {
      headers: { authorization: `Bearer ${await issuer.tokenFor(caller)}` },
    });
    return { status: response.status, body: await response.json() };
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
