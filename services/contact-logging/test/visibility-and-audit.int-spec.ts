import { trace } from '@opentelemetry/api';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { Caller } from '@cms/auth';
import { startTracing } from '@cms/observability/tracing';
import { DATA_SOURCE } from '@cms/service-defaults';
import { LogContactHandler } from '../src/application/log-contact.handler';
import { readAsCaller } from '@cms/service-defaults';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';
import { CLS_REQ, ClsService } from 'nestjs-cls';

/**
 * The database's own walls around contact data: row-level security behind the application's
 * visibility filter, and the append-only audit of contact state changes. contact-logging runs on
 * its own against a real PostgreSQL and Kafka, with a stand-in meter point register.
 */
describe('contact data in the database: row-level security and audit', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: 'c3f47655-09ea-480e-9700-a397bc4fae46', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const transporter: Caller = { userId: 'cad.user', organisationId: '383da001-dcc0-4cf5-8481-59b9749b0a6c', organisationType: 'DN', roles: ['TRANSPORTER_USER'] };
  const cdsp: Caller = { userId: 'cds.agent', organisationId: 'dcb0354e-c0fc-4a6b-98ba-cfd60cd99599', organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const deadPoints = ['3938424403', '2738491003', '1111111111'];
  let service: ContactLoggingUnderTest;
  let databaseUrl: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    startTracing('contact-logging-test');
    service = await startContactLogging({
      databaseName: 'contact_logging_rls',
      meterPoints: Object.fromEntries(
        deadPoints.map((mprn) => [mprn, { status: 'DE', registeredShipper: shipper.organisationId, transporter: transporter.organisationId }]),
      ),
    });
    databaseUrl = service.databaseUrl;
    dataSource = service.app.get<DataSource>(DATA_SOURCE);
  });

  afterAll(async () => {
    await service?.close();
  });

  const post = (caller: Caller, body: unknown) => service.post(caller, body);
  /** A statement as the database's superuser (the service's own connection is one too). */
  const sql = <T = any>(text: string, values?: unknown[]) => service.sql<T>(text, values);

  /** What `caller` sees of a table through the reading helper, with no application filter at all. */
  function unfiltered(caller: Caller, text: string, values: unknown[] = []): Promise<any[]> {
    return readAsCaller(dataSource, caller, (manager) => manager.query(text, values));
  }

  describe('row-level security', () => {
    let crn: string;

    beforeAll(async () => {
      const logged = await post(shipper, dtl('3938424403'));
      expect(logged.status).toBe(201);
      crn = logged.body.crn;
    });

    it('hides a contact and its history from an uninvolved organisation even when the query has no visibility filter', async () => {
      for (const outsider of [otherShipper, transporter]) {
        expect(await unfiltered(outsider, 'SELECT crn FROM contact')).toEqual([]);
        expect(await unfiltered(outsider, 'SELECT crn FROM contact WHERE crn = $1', [crn])).toEqual([]);
        expect(await unfiltered(outsider, 'SELECT crn FROM contact_history WHERE crn = $1', [crn])).toEqual([]);
      }
    });

    it('shows the contact and its history to the originator and to the CDSP', async () => {
      for (const involved of [shipper, { ...shipper, userId: 'bwe.lso', roles: ['LSO'] }, cdsp]) {
        expect(await unfiltered(involved, 'SELECT crn FROM contact WHERE crn = $1', [crn])).toEqual([{ crn }]);
        expect(await unfiltered(involved, 'SELECT action FROM contact_history WHERE crn = $1', [crn])).toEqual([{ action: 'LOGGED' }]);
      }
    });

    it('shows a rejected submission only to the organisation that sent it and to the CDSP (docs/api.md)', async () => {
      const rejected = await post(otherShipper, dtl('8804621501'));
      expect(rejected.status).toBe(422);

      const sentBy = (caller: Caller) =>
        unfiltered(caller, `SELECT DISTINCT organisation_id FROM rejected_submission WHERE mprn = '8804621501'`);
      expect(await sentBy(otherShipper)).toEqual([{ organisation_id: otherShipper.organisationId }]);
      expect(await sentBy(shipper)).toEqual([]);
      expect(await sentBy(transporter)).toEqual([]);
      expect(await sentBy(cdsp)).toEqual([{ organisation_id: otherShipper.organisationId }]);
    });

    it('gives a reader without a caller nothing, and lets a reader change nothing', async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL ROLE cms_contact_reader');
        expect((await client.query('SELECT count(*)::int AS n FROM contact')).rows).toEqual([{ n: 0 }]);
        await expect(client.query(`UPDATE contact SET status = 'WITHDRAWN'`)).rejects.toThrow(/permission denied/);
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
      await expect(unfiltered(shipper, `DELETE FROM contact WHERE crn = $1`, [crn])).rejects.toThrow(/permission denied/);
      expect(await sql('SELECT count(*)::int AS n FROM contact WHERE crn = $1', [crn])).toEqual([{ n: 1 }]);
    });

    it('ends the caller scope with its transaction', async () => {
      const inside = await unfiltered(shipper, `SELECT current_user AS role, current_setting('cms.organisation_id', true) AS organisation`);
      expect(inside).toEqual([{ role: 'cms_contact_reader', organisation: shipper.organisationId }]);

      // Every pooled connection in turn: none is left as the reader or with a caller's settings.
      const after: { role: string; organisation: string | null }[] = await Promise.all(
        Array.from({ length: 10 }, () =>
          dataSource.query(`SELECT current_user AS role, nullif(current_setting('cms.organisation_id', true), '') AS organisation, pg_sleep(0.05)`),
        ),
      ).then((rows) => rows.flat());
      expect(after.every((row) => row.role !== 'cms_contact_reader' && row.organisation === null)).toBe(true);
    });
  });

  describe('audit', () => {
    it('writes an audit record for a logged contact in the same transaction: no before, the stored contact after, and the trace id', async () => {
      const handler = service.app.get(LogContactHandler);
      let traceId = '';

      const result = await trace.getTracer('test').startActiveSpan('log a contact', async (span) => {
        traceId = span.spanContext().traceId;
        try {
          // As on a request: the register is asked with the request's credentials (RequestContext).
          const cls = service.app.get(ClsService);
          return await cls.run(async () => {
            cls.set(CLS_REQ, { headers: { authorization: 'Bearer unused-by-the-stand-in' } });
            return handler.handle(shipper, dtl('2738491003'));
          });
        } finally {
          span.end();
        }
      });

      expect(result.accepted).toBe(true);
      const crn = (result as { crn: string }).crn;
      const audit = await sql('SELECT * FROM contact_audit WHERE crn = $1', [crn]);
      const [contact] = await sql('SELECT logged_at, to_jsonb(contact) AS state FROM contact WHERE crn = $1', [crn]);
      expect(audit).toEqual([
        expect.objectContaining({
          actor_user_id: 'bwe.user',
          actor_organisation_id: shipper.organisationId,
          action: 'LOGGED',
          crn,
          before: null,
          after: contact.state,
          occurred_at: contact.logged_at,
          trace_id: traceId,
        }),
      ]);
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    });

    it('refuses to change, remove or truncate audit records', async () => {
      const logged = await post(shipper, dtl('1111111111'));
      expect(logged.status).toBe(201);
      const [{ id }] = await sql('SELECT id FROM contact_audit WHERE crn = $1', [logged.body.crn]);

      await expect(sql(`UPDATE contact_audit SET action = 'TAMPERED' WHERE id = $1`, [id])).rejects.toThrow(
        'contact_audit is append-only: UPDATE is not allowed',
      );
      await expect(sql('DELETE FROM contact_audit WHERE id = $1', [id])).rejects.toThrow('contact_audit is append-only: DELETE is not allowed');
      await expect(sql('TRUNCATE contact_audit')).rejects.toThrow('contact_audit is append-only: TRUNCATE is not allowed');
      // Not even with triggers switched off for replication, the usual way past them.
      await expect(
        sql(`BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM contact_audit WHERE id = ${Number(id)}; COMMIT`),
      ).rejects.toThrow('contact_audit is append-only: DELETE is not allowed');
      expect(await sql('SELECT action FROM contact_audit WHERE id = $1', [id])).toEqual([{ action: 'LOGGED' }]);
    });
  });
});
