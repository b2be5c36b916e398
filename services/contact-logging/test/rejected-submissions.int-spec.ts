import { randomUUID } from 'node:crypto';
import type { Caller } from '@cms/auth';
import { uuidv7 } from '@cms/contracts';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * `GET /api/v1/rejected-submissions` (docs/api.md: "CDSP (all), others (own) — rejected submissions
 * with their reasons, for reporting"): contact-logging on its own, against a real PostgreSQL and
 * Kafka, with a stand-in meter point register and real signed tokens.
 */
describe('GET /api/v1/rejected-submissions', () => {
  const BWE = 'b39b394d-4352-47f1-9cab-919d828cf087';
  const TGS = 'c3f47655-09ea-480e-9700-a397bc4fae46';
  const shipper: Caller = { userId: 'bwe.user', organisationId: BWE, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const shipperLso: Caller = { ...shipper, userId: 'bwe.lso', roles: ['LSO'] };
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: TGS, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const transporter: Caller = { userId: 'cad.user', organisationId: '383da001-dcc0-4cf5-8481-59b9749b0a6c', organisationType: 'DN', roles: ['TRANSPORTER_USER'] };
  const cdsp: Caller = { userId: 'cds.agent', organisationId: 'dcb0354e-c0fc-4a6b-98ba-cfd60cd99599', organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const partner = (scopes: string[]): Caller => ({ ...shipper, userId: 'client:bwe-system', roles: [], scopes });
  let service: ContactLoggingUnderTest;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_logging_rejected',
      meterPoints: {
        '3938424403': { status: 'DE', registeredShipper: BWE },
        '5281736406': { status: 'LI', registeredShipper: BWE },
      },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  const list = (caller: Caller, query = '') => service.call(caller, 'GET', `/api/v1/rejected-submissions${query}`);
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

  /** A rejected submission recorded as the service records one, at a chosen time. */
  async function recorded(row: { organisationId: string; submittedAt: string; codes: string[]; mprn?: string }): Promise<string> {
    const id = uuidv7();
    await service.sql(
      `INSERT INTO rejected_submission (id, submitted_at, user_id, organisation_id, mprn, submission, rejections)
       VALUES ($1, $2, 'someone', $3, $4, $5, $6)`,
      [
        id,
        row.submittedAt,
        row.organisationId,
        row.mprn ?? null,
        JSON.stringify({ type: 'DTL', mprn: row.mprn }),
        JSON.stringify(row.codes.map((code) => ({ code, message: `Rejected: ${code}.` }))),
      ],
    );
    return id;
  }

  it('answers a rejected submission as it was recorded: who, when, the submission as sent and every reason the submitter was told', async () => {
    const submission = { ...dtl('5281736406'), description: '' };
    const before = Date.now();
    const rejected = await service.post(shipper, submission);
    expect(rejected.status).toBe(422);

    const { status, headers, body } = await list(shipper, '?mprn=5281736406');

    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(body).toEqual({
      items: [
        {
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
          submittedAt: expect.any(String),
          userId: 'bwe.user',
          organisationId: BWE,
          mprn: '5281736406',
          submission,
          rejections: rejected.body.errors,
        },
      ],
      nextCursor: null,
    });
    expect(rejected.body.errors.map((error: { code: string }) => error.code)).toEqual(['MANDATORY_FIELD', 'STATUS_NOT_DEAD']);
    expect(Date.parse(body.items[0].submittedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('gives an organisation its own rejected submissions, whatever its users’ roles, and the CDSP every organisation’s', async () => {
    const theirs = await service.post(otherShipper, dtl('3938424403'));
    const ours = await service.post(shipper, { ...dtl('3938424403'), originatorContact: { name: 'No Way To Call' } });
    expect([theirs.status, ours.status]).toEqual([422, 422]);
    const organisationsSeenBy = async (caller: Caller) =>
      (await list(caller, '?mprn=3938424403')).body.items.map((item: { organisationId: string }) => item.organisationId).sort();

    expect(await organisationsSeenBy(shipper)).toEqual([BWE]);
    expect(await organisationsSeenBy(shipperLso)).toEqual([BWE]);
    expect(await organisationsSeenBy(partner(['contacts:read']))).toEqual([BWE]);
    expect(await organisationsSeenBy(otherShipper)).toEqual([TGS]);
    expect(await organisationsSeenBy(transporter)).toEqual([]);
    expect(await organisationsSeenBy(cdsp)).toEqual([BWE, TGS].sort());
  });

  it('refuses a partner system without contacts:read', async () => {
    const { status, body } = await list(partner(['contacts:write']));

    expect({ status, code: body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  describe('organisationId', () => {
    const organisation = randomUUID();
    let id: string;

    beforeAll(async () => {
      id = await recorded({ organisationId: organisation, submittedAt: '2026-06-01T09:00:00Z', codes: ['MPRN_NOT_FOUND'] });
    });

    it('gives the CDSP one organisation’s rejected submissions', async () => {
      const { status, body } = await list(cdsp, `?organisationId=${organisation}`);

      expect({ status, ids: idsOf(body) }).toEqual({ status: 200, ids: [id] });
    });

    it('answers anyone else naming another organisation 404, as for one that does not exist, and its own as without it', async () => {
      const another = await list(shipper, `?organisationId=${organisation}`);
      const unknown = await list(shipper, `?organisationId=${randomUUID()}`);
      const own = await list(shipper, `?organisationId=${BWE}`);
      const unnamed = await list(shipper);

      expect([another.status, another.body.code, unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND', 404, 'NOT_FOUND']);
      expect(own).toMatchObject({ status: 200, body: unnamed.body });
      expect(idsOf(own.body).length).toBeGreaterThan(0);
    });
  });

  describe('filters', () => {
    const organisation = randomUUID();
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.first = await recorded({ organisationId: organisation, submittedAt: '2026-03-01T08:00:00Z', codes: ['MANDATORY_FIELD', 'NOT_REGISTERED_SHIPPER'], mprn: '1111111111' });
      ids.second = await recorded({ organisationId: organisation, submittedAt: '2026-03-02T08:00:00Z', codes: ['STATUS_NOT_DEAD'], mprn: '2222222222' });
      ids.third = await recorded({ organisationId: organisation, submittedAt: '2026-03-03T08:00:00Z', codes: ['NOT_REGISTERED_SHIPPER'], mprn: '2222222222' });
      ids.fourth = await recorded({ organisationId: organisation, submittedAt: '2026-03-04T08:00:00Z', codes: ['MPRN_FORMAT'] });
    });

    const asCdsp = async (query: string) => {
      const { status, body } = await list(cdsp, `?organisationId=${organisation}&${query}`);
      return { status, ids: status === 200 ? idsOf(body) : body.code };
    };

    it('by rejection code: the submissions with that code among their reasons, newest first', async () => {
      expect(await asCdsp('code=NOT_REGISTERED_SHIPPER')).toEqual({ status: 200, ids: [ids.third, ids.first] });
      expect(await asCdsp('code=MANDATORY_FIELD')).toEqual({ status: 200, ids: [ids.first] });
      expect(await asCdsp('code=OPEN_CONTACT_EXISTS')).toEqual({ status: 200, ids: [] });
    });

    it('by rejection code for the organisation itself, as for the CDSP', async () => {
      const own: Caller = { userId: 'own.user', organisationId: organisation, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };

      const { status, body } = await list(own, '?code=NOT_REGISTERED_SHIPPER');

      expect({ status, ids: idsOf(body) }).toEqual({ status: 200, ids: [ids.third, ids.first] });
    });

    it('by MPRN', async () => {
      expect(await asCdsp('mprn=2222222222')).toEqual({ status: 200, ids: [ids.third, ids.second] });
      expect(await asCdsp('mprn=2222222222&code=STATUS_NOT_DEAD')).toEqual({ status: 200, ids: [ids.second] });
    });

    it('by submission time: at or after submittedFrom, before submittedTo', async () => {
      expect(await asCdsp('submittedFrom=2026-03-02T08:00:00Z')).toEqual({ status: 200, ids: [ids.fourth, ids.third, ids.second] });
      expect(await asCdsp('submittedTo=2026-03-03T08:00:00Z')).toEqual({ status: 200, ids: [ids.second, ids.first] });
      expect(await asCdsp('submittedFrom=2026-03-02T09:00:00%2B01:00&submittedTo=2026-03-04T00:00:00Z')).toEqual({ status: 200, ids: [ids.third, ids.second] });
    });

    it.each([
      ['an unknown code', 'code=NOT_A_CODE'],
      ['an MPRN of 11 digits', 'mprn=12345678901'],
      ['a time that is not ISO 8601', 'submittedFrom=yesterday'],
      ['an ISO 8601 week date, not a date-time', 'submittedTo=2026-W01-1'],
      ['a date without a time', 'submittedFrom=2026-03-01'],
      ['an organisation id that is not a UUID', 'organisationId=BWE'],
      ['a limit above the cap', 'limit=101'],
      ['an unknown parameter', 'status=REJECTED'],
    ])('refuses %s: 400 VALIDATION_FAILED', async (_what, query) => {
      const { status, body } = await list(cdsp, `?${query}`);

      expect({ status, code: body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });
  });

  describe('paging', () => {
    const organisation = randomUUID();
    const newestFirst: string[] = [];

    beforeAll(async () => {
      // Seven submissions, three of them recorded at one instant: pages must end between them too.
      const times = ['2026-05-01T10:00:00Z', '2026-05-02T10:00:00Z', '2026-05-03T10:00:00Z', '2026-05-03T10:00:00Z', '2026-05-03T10:00:00Z', '2026-05-04T10:00:00Z', '2026-05-05T10:00:00Z'];
      for (const submittedAt of times) newestFirst.unshift(await recorded({ organisationId: organisation, submittedAt, codes: ['MPRN_NOT_FOUND'] }));
    });

    async function allPages(query: string): Promise<{ pages: string[][]; cursors: (string | null)[] }> {
      const pages: string[][] = [];
      const cursors: (string | null)[] = [];
      let cursor: string | null = null;
      do {
        const response = await list(cdsp, `?organisationId=${organisation}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(response.status).toBe(200);
        pages.push(idsOf(response.body));
        cursor = response.body.nextCursor;
        cursors.push(cursor);
      } while (cursor !== null && pages.length < 10);
      return { pages, cursors };
    }

    it('pages newest first, `limit` at a time, each submission once, to a last page without a cursor', async () => {
      const { pages, cursors } = await allPages('limit=3');

      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(newestFirst);
      expect(cursors).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]+$/), expect.stringMatching(/^[A-Za-z0-9_-]+$/), null]);
    });

    it('ends with a cursor-less page when the last page is full', async () => {
      const { pages, cursors } = await allPages('limit=7');

      expect(pages).toEqual([newestFirst]);
      expect(cursors).toEqual([null]);
    });

    it('keeps the filters on every page', async () => {
      const { pages } = await allPages('limit=2&submittedTo=2026-05-04T00:00:00Z');

      expect(pages.flat()).toEqual(newestFirst.slice(2));
    });

    it.each([
      ['not base64url JSON', Buffer.from('not json').toString('base64url')],
      ['a position without a time', Buffer.from(JSON.stringify(['yesterday', '1'])).toString('base64url')],
      ['a position whose tie-breaker is not a number', Buffer.from(JSON.stringify(['2026-05-03T10:00:00.000Z', 'abc'])).toString('base64url')],
    ])('refuses a cursor it did not give (%s): 422 INVALID_CURSOR', async (_what, cursor) => {
      const { status, body } = await list(cdsp, `?cursor=${cursor}`);

      expect({ status, code: body.code }).toEqual({ status: 422, code: 'INVALID_CURSOR' });
    });
  });
});
