import { createHash } from 'node:crypto';
import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Caller } from '@cms/auth';
import { CreateIdempotentRequest1795478400000 } from './idempotency-2026-11-24-create-idempotent-request.migration';
import { readIdempotencyKey } from './idempotency-key';
import { toProblem } from './problem-details.filter';
import { ProblemException } from './problem.exception';

export * from './idempotency-key';

/** Add to a service's migrations (beside its own) to apply `IdempotentRequests` to its routes. */
export const idempotencyMigrations = [CreateIdempotentRequest1795478400000];

/** What a write answers: replayed byte for byte to a retry with the same Idempotency-Key. */
export interface IdempotentAnswer {
  status: number;
  body: unknown;
  /** Response headers worth replaying (e.g. Location). */
  headers?: Record<string, string>;
}

export interface IdempotencyOptions {
  /** How long a first answer is kept and replayed (default 24 h). */
  retentionMs?: number;
  /** How long a claim on a key lasts before a retry may take it over (a replica that died mid-request). */
  leaseMs?: number;
  /** Expired rows are deleted at most this often per process (default 5 min). */
  cleanupEveryMs?: number;
}

interface StoredRequest {
  request_hash: string;
  status_code: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

const HOUR = 3_600_000;

/**
 * Idempotency-Key on a write route (docs/api.md: "a retried request returns the first result"),
 * stored in the owning service's database (`idempotencyMigrations`). The key is scoped to the
 * caller's organisation and user, the method and the path; the request body is fingerprinted.
 *
 * - First request with a key: claims it, runs the write, and stores a 2xx answer or a 422
 *   rejection (the write's result either way). Any other failure (a 5xx, or a 4xx refusal before
 *   anything happened) releases the key, so a retry runs again.
 * - Retry with the same key and body: the first answer again, with `Idempotent-Replayed: true`;
 *   the write does not run.
 * - Same key, different body: 422 IDEMPOTENCY_KEY_REUSED.
 * - Same key while the first request still runs: 409 IDEMPOTENCY_KEY_IN_PROGRESS at once (no
 *   waiting: the client retries later and then gets the replay).
 * - No header: the write runs as it would without this.
 *
 * The answer is stored just after the write's own transaction commits, not inside it. If the
 * process dies between the two, the claim lapses after the lease and a retry runs the write again;
 * a write that must never repeat also needs its own guard (contact logging has one open contact per
 * meter point).
 */
export class IdempotentRequests {
  private readonly retentionMs: number;
  private readonly leaseMs: number;
  private readonly cleanupEveryMs: number;
  private nextCleanupAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    options: IdempotencyOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 24 * HOUR;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.cleanupEveryMs = options.cleanupEveryMs ?? 5 * 60_000;
  }

  /**
   * Runs `write` at most once per Idempotency-Key and sends its answer (or the stored one) on
   * `response`. Use it from a handler that takes `@Res()`; `write` returns the answer, or throws a
   * ProblemException as usual (a 422 is stored and sent here; anything else goes to the filters).
   */
  async respond(
    context: { caller: Caller; request: Request; response: Response },
    write: () => Promise<IdempotentAnswer>,
  ): Promise<void> {
    const { caller, request, response } = context;
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    if (key === undefined) return send(response, rendered(await write()));

    this.cleanUpNowAndThen();
    const scope = [caller.organisationId, caller.userId, key, request.method, new URL(request.originalUrl, 'http://service').pathname];
    const requestHash = fingerprint(request.body);
    if (!(await this.claim(scope, requestHash))) return this.replay(scope, requestHash, response);

    let answer: RenderedAnswer;
    try {
      answer = await renderAnswer(write, request.originalUrl);
    } catch (error) {
      await this.release(scope);
      throw error;
    }
    await this.store(scope, answer);
    send(response, answer);
  }

  /** True if this request now holds the key: it was free, expired, or its holder's lease ran out. */
  private async claim(scope: string[], requestHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotent_request AS held
              (organisation_id, user_id, idempotency_key, method, path, request_hash, locked_until, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7), now() + make_interval(secs => $8))
       ON CONFLICT (organisation_id, user_id, idempotency_key, method, path) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status_code = NULL, response_headers = NULL, response_body = NULL,
              created_at = now(), locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at
        WHERE held.expires_at < now()
           OR (held.status_code IS NULL AND held.locked_until < now() AND held.request_hash = EXCLUDED.request_hash)
       RETURNING 1`,
      [...scope, requestHash, this.leaseMs / 1000, this.retentionMs / 1000],
    );
    return rows.length === 1;
  }

  private async replay(scope: string[], requestHash: string, response: Response): Promise<void> {
    const [held]: StoredRequest[] = await this.dataSource.query(
      `SELECT request_hash, status_code, response_headers, response_body FROM idempotent_request
        WHERE organisation_id = $1 AND user_id = $2 AND idempotency_key = $3 AND method = $4 AND path = $5`,
      scope,
    );
    if (held && held.request_hash !== requestHash) {
      throw new ProblemException(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'Idempotency-Key reused',
        'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
      );
    }
    if (!held || held.status_code === null) {
      // Still running (or released a moment ago after a failure): the client retries shortly.
      response.setHeader('Retry-After', '1');
      throw ProblemException.conflict('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly.');
    }
    response.setHeader('Idempotent-Replayed', 'true');
    send(response, { status: held.status_code, headers: held.response_headers ?? {}, body: held.response_body ?? '' });
  }

  private async store(scope: string[], answer: RenderedAnswer): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE idempotent_request SET status_code = $6, response_headers = $7, response_body = $8
          WHERE organisation_id = $1 AND user_id = $2 AND idempotency_key = $3 AND method = $4 AND path = $5`,
        [...scope, answer.status, JSON.stringify(answer.headers), answer.body],
      );
    } catch (error) {
      // The write has happened: answer it anyway. The claim lapses after its lease.
      this.logger.error({ err: error }, 'could not store the answer to an idempotent request');
    }
  }

  private async release(scope: string[]): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM idempotent_request
          WHERE organisation_id = $1 AND user_id = $2 AND idempotency_key = $3 AND method = $4 AND path = $5
            AND status_code IS NULL`,
        scope,
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'could not release an idempotency key; it lapses after its lease');
    }
  }

  private cleanUpNowAndThen(): void {
    const now = Date.now();
    if (now < this.nextCleanupAt) return;
    this.nextCleanupAt = now + this.cleanupEveryMs;
    this.dataSource.query(`DELETE FROM idempotent_request WHERE expires_at < now()`).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not delete expired idempotency keys');
    });
  }
}

/** An answer as sent: its status, the headers to send with it, and its body as text. */
interface RenderedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Runs the write; its answer, or its 422 rejection as problem details; any other error is thrown. */
async function renderAnswer(write: () => Promise<IdempotentAnswer>, instance?: string): Promise<RenderedAnswer> {
  try {
    return rendered(await write());
  } catch (error) {
    const status = error instanceof ProblemException ? error.status : error instanceof HttpException ? error.getStatus() : undefined;
    if (status !== 422) throw error;
    return { status, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify(toProblem(error, instance)) };
  }
}

function rendered(answer: IdempotentAnswer): RenderedAnswer {
  return {
    status: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...answer.headers },
    body: JSON.stringify(answer.body),
  };
}

function send(response: Response, answer: RenderedAnswer): void {
  for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
  response.status(answer.status).send(answer.body);
}

/** SHA-256 of the body as canonical JSON (keys sorted), so spacing and key order do not matter. */
export function fingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body ?? null)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The shape of an `Idempotency-Key` (readIdempotencyKey): 1 to 255 printable ASCII characters. Its
 * first and last are not spaces, as HTTP drops a header value's leading and trailing spaces (RFC
 * 9110 §5.5): a key of spaces only would arrive empty.
 */
export const IDEMPOTENCY_KEY_SCHEMA = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E](?:[\\x20-\\x7E]*[\\x21-\\x7E])?$' };

/** The OpenAPI description of `Idempotency-Key` on a write (@ApiHeader). */
export const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Makes a retry safe: a retry with the same key and body gets the first answer again.',
  schema: IDEMPOTENCY_KEY_SCHEMA,
};
