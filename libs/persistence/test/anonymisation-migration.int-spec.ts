import { Client } from 'pg';
import { testDatabaseAdminUrl, uniqueName } from '@cms/testing';
import { AUDIT_ANONYMISER_ROLE, anonymisableAuditUp, redactionFunctionsUp } from '../src/anonymisation-migration';

/**
 * The retention migrations' building blocks on the real PostgreSQL, run as a service role that is
 * no superuser (the services' own tests run as one): an append-only audit table keeps refusing
 * every change but the sweep's function's, which puts the marker at the paths given and nowhere
 * else, and the service role is left no member of the role that may change the audit.
 */
describe('an anonymisable audit, migrated by a role that is not a superuser', () => {
  const serviceRole = uniqueName('cms_test_service');
  const database = uniqueName('anonymisable_audit');
  let admin: Client;
  let service: Client;

  const connect = async (url: URL) => {
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };

  beforeAll(async () => {
    admin = await connect(new URL(testDatabaseAdminUrl()));
    await admin.query(`CREATE ROLE ${serviceRole} LOGIN PASSWORD 'service' NOSUPERUSER`);
    await admin.query(`CREATE DATABASE ${database} OWNER ${serviceRole}`);
    // As a DBA would have it: the role exists, and the service role administers it without being a member.
    await admin.query(`DO $$ BEGIN CREATE ROLE ${AUDIT_ANONYMISER_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await admin.query(`GRANT ${AUDIT_ANONYMISER_ROLE} TO ${serviceRole} WITH ADMIN TRUE, INHERIT FALSE, SET FALSE`);

    const url = new URL(testDatabaseAdminUrl());
    url.username = serviceRole;
    url.password = 'service';
    url.pathname = `/${database}`;
    service = await connect(url);
    await service.query(`CREATE TABLE note_audit (id int PRIMARY KEY, crn text NOT NULL, after jsonb)`);
    await service.query(`CREATE FUNCTION note_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'append-only'; END $$`);
    await service.query(`CREATE TRIGGER note_audit_is_append_only BEFORE UPDATE OR DELETE ON note_audit FOR EACH ROW EXECUTE FUNCTION note_audit_is_append_only()`);
    await service.query(`INSERT INTO note_audit VALUES
      (1, 'C000000001', '{"details": {"name": "Ada Lovelace", "read": 42, "lines": ["1 Analytical Way", null]}, "note": "Called Ada", "status": "RESOLVED"}'),
      (2, 'C000000002', '{"details": {"name": "Charles Babbage"}, "note": "Called Charles", "status": "RESOLVED"}')`);
    for (const statement of [...redactionFunctionsUp(), ...anonymisableAuditUp({ table: 'note_audit', jsonColumns: ['after'], appendOnlyFunction: 'note_audit_is_append_only' })]) {
      await service.query(statement);
    }
  });

  afterAll(async () => {
    await service?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.query(`REVOKE ${AUDIT_ANONYMISER_ROLE} FROM ${serviceRole}`).catch(() => undefined);
    await admin?.query(`DROP ROLE IF EXISTS ${serviceRole}`);
    await admin?.end();
  });

  it('refuses a plain UPDATE and DELETE by the service role, as before', async () => {
    await expect(service.query(`UPDATE note_audit SET after = '{}' WHERE crn = 'C000000001'`)).rejects.toThrow(/append-only/);
    await expect(service.query(`DELETE FROM note_audit`)).rejects.toThrow(/append-only/);
  });

  it("lets the sweep's function put the marker at the paths given, in one contact's records only, strings only", async () => {
    const [{ changed }] = (await service.query(`SELECT anonymise_note_audit('C000000001', ARRAY['details.name', 'details.lines', 'details.read', 'note'], '[removed]') AS changed`)).rows;
    expect(Number(changed)).toBe(1);
    const rows = (await service.query(`SELECT crn, after FROM note_audit ORDER BY id`)).rows;
    expect(rows).toEqual([
      { crn: 'C000000001', after: { details: { name: '[removed]', read: 42, lines: ['[removed]', null] }, note: '[removed]', status: 'RESOLVED' } },
      { crn: 'C000000002', after: { details: { name: 'Charles Babbage' }, note: 'Called Charles', status: 'RESOLVED' } },
    ]);
  });

  it('leaves the service role no member of the role that may change the audit, and the function its own', async () => {
    expect((await service.query(`SELECT pg_has_role(current_user, '${AUDIT_ANONYMISER_ROLE}', 'SET') AS member`)).rows).toEqual([{ member: false }]);
    await expect(service.query(`SET ROLE ${AUDIT_ANONYMISER_ROLE}`)).rejects.toThrow(/permission denied/);
    expect((await service.query(`SELECT pg_get_userbyid(proowner) AS owner, prosecdef FROM pg_proc WHERE proname = 'anonymise_note_audit'`)).rows).toEqual([
      { owner: AUDIT_ANONYMISER_ROLE, prosecdef: true },
    ]);
  });
});
