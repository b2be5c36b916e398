import type { Caller } from '@cms/auth';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * Idempotency-Key on POST /api/v1/contacts: contact-logging on its own against a real PostgreSQL
 * (its idempotent_request table, its contacts, its outbox), a stand-in meter point register and
 * real signed tokens.
 */
describe('Idempotency-Key on logging a contact', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const colleague: Caller = { ...shipper, userId: 'bwe.lso' };
  const deadPoints = ['3938424403', '2738491003', '1111111111', '2222222222', '3333333333', '4444444444'];
  let service: ContactLoggingUnderTest;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_logging_idempotency',
      meterPoints: Object.fromEntries(deadPoints.map((mprn) => [mprn, { status: 'DE', registeredShipper: shipper.organisationId }])),
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  function post(body: unknown, idempotencyKey?: string, caller: Caller = shipper) {
    return service.post(caller, body, idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey });
  }

  const sql = <T = any>(text: string, values?: unknown[]) => service.sql<T>(text, values);

  async function count(table: string, where: string, values: unknown[]): Promise<number> {
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, values);
    return n;
  }

  it('replays an accepted contact: the same CRN, one contact, one history entry, one event', async () => {
    const first = await post(dtl('3938424403'), 'retry-accepted-1');

    const retry = await post(dtl('3938424403'), 'retry-accepted-1');

    expect(first.status).toBe(201);
    expect({ status: retry.status, body: retry.body, location: retry.headers.get('location') }).toEqual({
      status: 201,
      body: first.body,
      location: `/api/v1/contacts/${first.body.crn}`,
    });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('contact', 'mprn = $1', ['3938424403'])).toBe(1);
    expect(await count('contact_history', 'crn = $1', [first.body.crn])).toBe(1);
    expect(await count('outbox_message', 'message_key = $1', [first.body.crn])).toBe(1);
  });

  it('replays a rejection: the same 422 and its reasons, recorded once', async () => {
    const rejected = { ...dtl('8804621501'), description: '' };

    const first = await post(rejected, 'retry-rejected-1');
    const retry = await post(rejected, 'retry-rejected-1');

    expect(first.status).toBe(422);
    expect(first.body.code).toBe('CONTACT_REJECTED');
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 422, body: first.body });
    expect(retry.headers.get('content-type')).toContain('application/problem+json');
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('rejected_submission', 'mprn = $1', ['8804621501'])).toBe(1);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED, and logs nothing for it', async () => {
    const first = await post(dtl('2738491003'), 'reused-key-1');

    const other = await post(dtl('1111111111'), 'reused-key-1');

    expect(first.status).toBe(201);
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count('contact', 'mprn = $1', ['1111111111'])).toBe(0);
  });

  it('keeps the same key of two users apart', async () => {
    const mine = await post(dtl('2222222222'), 'shared-key-1', shipper);

    const theirs = await post(dtl('3333333333'), 'shared-key-1', colleague);

    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.crn).not.toBe(mine.body.crn);
  });

  it('runs one of two simultaneous requests with the same key; the other gets 409 IDEMPOTENCY_KEY_IN_PROGRESS, then the replay', async () => {
    service.register.delayMs = 500;
    let answers;
    try {
      answers = await Promise.all([post(dtl('4444444444'), 'concurrent-1'), post(dtl('4444444444'), 'concurrent-1')]);
    } finally {
      service.register.delayMs = 0;
    }

    const accepted = answers.filter((answer) => answer.status === 201);
    const inProgress = answers.filter((answer) => answer.status === 409);
    expect(accepted).toHaveLength(1);
    expect(inProgress).toHaveLength(1);
    expect(inProgress[0].body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(inProgress[0].headers.get('retry-after')).toBe('1');
    const later = await post(dtl('4444444444'), 'concurrent-1');
    expect({ status: later.status, crn: later.body.crn }).toEqual({ status: 201, crn: accepted[0].body.crn });
    expect(await count('contact', 'mprn = $1', ['4444444444'])).toBe(1);
    expect(await count('outbox_message', 'message_key = $1', [accepted[0].body.crn])).toBe(1);
  });

  it('refuses a malformed key with 400 INVALID_IDEMPOTENCY_KEY before doing anything', async () => {
    const answer = await post(dtl('8804621501'), 'k'.repeat(256));

    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'INVALID_IDEMPOTENCY_KEY' });
  });

  it('does not keep a failure: a retry after a 5xx runs again', async () => {
    service.register.available = false;
    let failed;
    try {
      failed = await post(dtl('3333333333', 'after an outage'), 'after-failure-1', colleague);
    } finally {
      service.register.available = true;
    }

    const retry = await post(dtl('3333333333', 'after an outage'), 'after-failure-1', colleague);

    expect(failed.status).toBe(503);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(422); // runs again: the colleague's earlier contact is still open
    expect(retry.body.errors).toEqual([expect.objectContaining({ code: 'OPEN_CONTACT_EXISTS' })]);
  });

  it('forgets a record once it has expired (24 h) and runs the request afresh', async () => {
    const rejected = { ...dtl('5555555555'), description: '' };
    const first = await post(rejected, 'expired-1');
    await sql(`UPDATE idempotent_request SET expires_at = now() - interval '1 second' WHERE idempotency_key = 'expired-1'`);

    const afterExpiry = await post(rejected, 'expired-1');

    expect([first.status, afterExpiry.status]).toEqual([422, 422]);
    expect(afterExpiry.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('rejected_submission', 'mprn = $1', ['5555555555'])).toBe(2);
  });
});
