// The audit of administrative actions over HTTP (GET /api/v1/audit): the app in-process on a real
// PostgreSQL and Kafka (libs/testing). An LSO reads its own organisation's records, another
// organisation's LSO does not see them, a CDSP administrator reads everything, anyone else is refused.
import { Client } from 'pg';
import { demoOrganisations } from '@cms/demo-data';
import { startAccessControl, type AccessControlUnderTest } from './support/access-control-under-test';

const organisationId = (shortCode: string) => demoOrganisations().find((o) => o.shortCode === shortCode)!.id;

interface AuditItem {
  id: string;
  occurredAt: string;
  actor: { userId: string | null; organisationId: string | null };
  organisationId: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  traceId: string | null;
}
interface AuditPage {
  items: AuditItem[];
  nextCursor: string | null;
}

let service: AccessControlUnderTest;
let databaseUrl: string;
const call = (method: string, path: string, accessToken?: string, body?: unknown) => service.call(method, path, accessToken, body);
const tokenOf = (userId: string) => service.tokenOf(userId);

async function auditOf(token: string, query = ''): Promise<AuditPage> {
  const response = await call('GET', `/api/v1/audit${query}`, token);
  expect(response.status).toBe(200);
  return (await response.json()) as AuditPage;
}

const creationOf = (page: AuditPage, userId: string) =>
  page.items.filter((item) => item.action === 'USER_CREATED' && item.after?.userId === userId);

beforeAll(async () => {
  service = await startAccessControl({ databaseName: 'access_control_audit' });
  databaseUrl = service.databaseUrl;
});

afterAll(async () => {
  await service?.close();
});

describe('GET /api/v1/audit', () => {
  const newUserId = 'bwe.audit-probe';

  beforeAll(async () => {
    const lso = await tokenOf('bwe.lso');
    const created = await call('POST', '/api/v1/users', lso, {
      userId: newUserId,
      displayName: 'Audit Probe',
      email: 'audit.probe@brightwater.example',
      roles: ['CONTACT_USER'],
    });
    expect(created.status).toBe(201);
    const suspended = await call('PATCH', `/api/v1/users/${newUserId}`, lso, { status: 'SUSPENDED' });
    expect(suspended.status).toBe(200);
  });

  it('shows the LSO the user it created, with actor, organisation, before and after', async () => {
    const page = await auditOf(await tokenOf('bwe.lso'));
    expect(creationOf(page, newUserId)).toEqual([
      {
        id: expect.stringMatching(/^\d+$/),
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        actor: { userId: 'bwe.lso', organisationId: organisationId('BWE') },
        organisationId: organisationId('BWE'),
        action: 'USER_CREATED',
        before: null,
        after: expect.objectContaining({ userId: newUserId }),
        traceId: null,
      },
    ]);
    const suspension = page.items.find((item) => item.action === 'USER_SUSPENDED' && item.after?.userId === newUserId);
    expect(suspension).toMatchObject({ before: { status: 'ACTIVE' }, after: { status: 'SUSPENDED' } });
    // Newest first: the suspension came after the creation.
    expect(page.items.indexOf(suspension!)).toBeLessThan(page.items.indexOf(creationOf(page, newUserId)[0]));
    expect(page.items.every((item) => item.organisationId === organisationId('BWE'))).toBe(true);
  });

  it('does not show it to another organisation’s LSO, who may not name the organisation either', async () => {
    const tgsLso = await tokenOf('tgs.lso');
    const page = await auditOf(tgsLso);
    expect(creationOf(page, newUserId)).toEqual([]);
    expect(page.items.every((item) => item.organisationId === organisationId('TGS'))).toBe(true);
    const named = await call('GET', `/api/v1/audit?organisationId=${organisationId('BWE')}`, tgsLso);
    expect(named.status).toBe(404);
  });

  it('shows it to a CDSP administrator, who may filter by organisation and action', async () => {
    const admin = await tokenOf('cds.admin');
    expect(creationOf(await auditOf(admin), newUserId)).toHaveLength(1);
    expect(creationOf(await auditOf(admin, `?organisationId=${organisationId('BWE')}&action=USER_CREATED`), newUserId)).toHaveLength(1);
    expect(creationOf(await auditOf(admin, `?organisationId=${organisationId('TGS')}`), newUserId)).toEqual([]);
    const suspensions = await auditOf(admin, '?action=USER_SUSPENDED');
    expect(suspensions.items.length).toBeGreaterThan(0);
    expect(suspensions.items.every((item) => item.action === 'USER_SUSPENDED')).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await auditOf(admin, `?from=${encodeURIComponent(future)}`)).items).toEqual([]);
  });

  it('pages newest first with an opaque cursor', async () => {
    const lso = await tokenOf('bwe.lso');
    const all = await auditOf(lso, '?limit=100');
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    const first = await auditOf(lso, '?limit=1');
    expect(first.items).toEqual([all.items[0]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await auditOf(lso, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.items).toEqual([all.items[1]]);
    expect((await call('GET', '/api/v1/audit?limit=101', lso)).status).toBe(400);
    // A cursor of the documented shape this API did not return is 422; one of another shape, 400.
    expect((await call('GET', '/api/v1/audit?cursor=bm9wZQ', lso)).status).toBe(422);
    expect((await call('GET', '/api/v1/audit?cursor=no%20pe', lso)).status).toBe(400);
  });

  it('refuses a user who is neither an LSO nor a CDSP administrator', async () => {
    const response = await call('GET', '/api/v1/audit', await tokenOf('bwe.user'));
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('FORBIDDEN');
    expect((await call('GET', '/api/v1/audit')).status).toBe(401);
  });

  it('keeps the records append-only in the database itself', async () => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await expect(db.query(`UPDATE admin_audit SET action = 'X'`)).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM admin_audit')).rejects.toThrow(/append-only/);
    } finally {
      await db.end();
    }
  });
});
