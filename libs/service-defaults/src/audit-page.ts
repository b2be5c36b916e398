import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Caller } from '@cms/auth';
import { CRN_PATTERN } from '@cms/gas-market';
import { PageSizeParam } from './page-size';
import { ProblemException } from './problem.exception';
import { CursorParam, DateTimeParam, PatternParam, UuidParam } from './request-fields';

/**
 * The read API of the audit trails (access-control's admin audit, contact-logging's contact audit):
 * records newest first, in keyset pages, with the same paging, time bounds and record fields.
 *
 * Keyset paging of an append-only record, newest first: a page ends at a row's
 * (occurred_at, id), and the next page is the rows strictly before it. Unlike an offset, the pages
 * stay right while records are being added.
 */
export interface KeysetPosition {
  occurredAt: Date;
  /** The row's bigint id, as decimal text. */
  id: string;
}

export interface KeysetPage<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** What a keyset-paged, time-bounded list is asked for (KeysetPageQuery, as received). */
export interface KeysetPageRequest {
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** What its reader is given: the time bounds, the position to read before, and how many rows. */
export interface KeysetFilter {
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
  /** Strictly before this (occurred_at, id). */
  before?: KeysetPosition;
  limit: number;
}

/** The fields every audit record shows, besides who acted (and what the record is about). */
export interface AuditRecordItem {
  id: string;
  occurredAt: string;
  organisationId: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  traceId: string | null;
}

/** Page sizes of a keyset-paged list: 50 unless asked, at most 100. */
export const KEYSET_PAGE_SIZE = { default: 50, max: 100 } as const;

/**
 * 422: a cursor of the documented shape (CursorParam) that this API did not return, or returned
 * for another list or order; a cursor of another shape is 400, as any malformed parameter.
 */
export function invalidCursor(): ProblemException {
  return new ProblemException(422, 'INVALID_CURSOR', 'Invalid cursor', 'The cursor is not one this API returned.');
}

/** The cursor of a position: opaque to clients (base64url of JSON). */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt.toISOString(), position.id]), 'utf8').toString('base64url');
}

/** The largest PostgreSQL bigint: a row id past it is no position (and would fail the query). */
const MAX_BIGINT = 9223372036854775807n;

/** The position a cursor of encodeKeysetCursor holds; anything else is refused (422 INVALID_CURSOR). */
export function decodeKeysetCursor(cursor: string): KeysetPosition {
  try {
    const [occurredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    const date = new Date(occurredAt as string);
    if (typeof occurredAt !== 'string' || Number.isNaN(date.getTime()) || typeof id !== 'string' || !/^\d{1,19}$/.test(id) || BigInt(id) > MAX_BIGINT)
      throw new Error('bad cursor');
    return { occurredAt: date, id };
  } catch {
    throw invalidCursor();
  }
}

/**
 * The reader's filter for a request and a page size: one row more than the page (it shows whether
 * there is a next page), the cursor decoded (422 INVALID_CURSOR if it is not one of ours).
 */
export function keysetFilter(request: KeysetPageRequest, limit: number): KeysetFilter {
  return {
    from: request.from === undefined ? undefined : new Date(request.from),
    to: request.to === undefined ? undefined : new Date(request.to),
    before: request.cursor === undefined ? undefined : decodeKeysetCursor(request.cursor),
    limit: limit + 1,
  };
}

/**
 * A page from rows read with one more than `limit` (the extra row only shows whether there is a
 * next page): at most `limit` items, and the cursor of the last one if more follow.
 */
export function keysetPage<Row, Item>(
  rows: Row[],
  limit: number,
  positionOf: (row: Row) => KeysetPosition,
  itemOf: (row: Row) => Item,
): KeysetPage<Item> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(itemOf), nextCursor: rows.length > limit && last ? encodeKeysetCursor(positionOf(last)) : null };
}

/**
 * The WHERE clause of a keyset-paged read of rows ordered by `(occurredAtColumn, idColumn)` (the id
 * a bigint), built one condition at a time, with its parameters ($1, $2…) in order: the list's own
 * conditions (`add`), then the keyset filter's (`keyset`), then the ORDER BY and LIMIT (`newestFirst`).
 */
export class KeysetConditions {
  readonly parameters: unknown[] = [];
  private readonly conditions: string[] = [];

  constructor(
    private readonly occurredAtColumn: string,
    private readonly idColumn: string,
  ) {}

  /** A condition in which each `?` stands for `value`. */
  add(sql: string, value: unknown): void {
    this.parameters.push(value);
    this.conditions.push(sql.replace(/\?/g, `$${this.parameters.length}`));
  }

  /** The keyset filter: at or after `from`, before `to`, strictly before the position `before`. */
  keyset(filter: Omit<KeysetFilter, 'limit'>): void {
    if (filter.from !== undefined) this.add(`${this.occurredAtColumn} >= ?`, filter.from);
    if (filter.to !== undefined) this.add(`${this.occurredAtColumn} < ?`, filter.to);
    if (filter.before === undefined) return;
    this.parameters.push(filter.before.occurredAt, filter.before.id);
    const n = this.parameters.length;
    this.conditions.push(`(${this.occurredAtColumn}, ${this.idColumn}) < ($${n - 1}, $${n}::bigint)`);
  }

  /** `WHERE …`, or nothing when there is no condition. */
  where(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** `ORDER BY … DESC LIMIT $n`: newest first, the limit the last parameter. */
  newestFirst(limit: number): string {
    this.parameters.push(limit);
    return `ORDER BY ${this.occurredAtColumn} DESC, ${this.idColumn} DESC LIMIT $${this.parameters.length}`;
  }
}

/** The query parameters every keyset-paged, time-bounded list takes (an audit trail); extend it with the list's own filters. */
export class KeysetPageQuery {
  @PageSizeParam(KEYSET_PAGE_SIZE)
  limit?: number;

  @CursorParam()
  cursor?: string;

  @DateTimeParam('Records at or after this time.')
  from?: string;

  @DateTimeParam('Records before this time.')
  to?: string;
}

/** The response fields every audit record shares; each audit extends it with its own. */
export class AuditRecordResponse {
  @ApiProperty({ example: '1234' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'W3C trace id of the request; null outside a trace.' })
  traceId!: string | null;
}

/** An audit record's `before` or `after`: the state as a JSON object, or null where there is none; each audit says which state. */
export function AuditStateProperty(description: string): PropertyDecorator {
  return ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description });
}

/** The response of a keyset-paged list of `item`s (KeysetPage); extend it to name the page's schema. */
export function KeysetPageResponse<Item>(item: Type<Item>) {
  abstract class KeysetPageOfItems implements KeysetPage<Item> {
    @ApiProperty({ type: [item] }) items!: Item[];
    @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page.' })
    nextCursor!: string | null;
  }
  return KeysetPageOfItems;
}

/**
 * Whose records of an audit of contact work (contacts, clarifications, site visits) a caller reads
 * (docs/quality.md "Security"): a CDSP administrator (CDSP_ADMIN) every record, or those one
 * organisation may read when it names one (`requested`); an LSO those its own organisation may read
 * (naming another is 404, as for one that does not exist); anyone else 403. The roles are those of
 * the verified token. Undefined: every record.
 */
export function auditReaderOrganisation(caller: Pick<Caller, 'organisationId' | 'organisationType' | 'roles'>, requested: string | undefined): string | undefined {
  if (caller.roles.includes('CDSP_ADMIN') && caller.organisationType === 'CDSP') return requested;
  if (caller.roles.includes('LSO')) {
    if (requested !== undefined && requested !== caller.organisationId) throw ProblemException.notFound();
    return caller.organisationId;
  }
  throw ProblemException.forbidden('Only a Local Security Officer (LSO) or a CDSP administrator may read the audit.');
}

/** The filters of an audit of contact work, beside the paging and time bounds (auditReaderOrganisation reads `organisationId`). */
export class ContactWorkAuditQuery extends KeysetPageQuery {
  @PatternParam(/^[A-Z_]{1,40}$/, { example: 'LOGGED', maxLength: 40 })
  action?: string;
  @PatternParam(CRN_PATTERN) crn?: string;
  @UuidParam('CDSP administrators only: the records this organisation may read. An LSO naming another organisation gets 404.')
  organisationId?: string;
}

/** Who made an audited change. */
export class AuditActorResponse {
  @ApiProperty({ description: '`system` for a change no person made (a timer, or an event of another service).' }) userId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null for `system`.' }) organisationId!: string | null;
}

/** A record of an audit of contact work as its reader returns it (each audit's table adds its own columns). */
export interface ContactWorkAuditRow {
  id: string;
  occurred_at: Date;
  /** Null (or `system`) for a change no person made. */
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  action: string;
  crn: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  trace_id: string | null;
}

/** A record of an audit of contact work as the API shows it. */
export interface ContactWorkAuditItem extends AuditRecordItem {
  actor: { userId: string; organisationId: string | null };
  crn: string;
}

/**
 * The item of a record; its `organisationId` (the organisation the record is about: a contact's
 * originator, a visit's transporter) is the field `aboutField` of the state after (or before).
 */
export function contactWorkAuditItem(row: ContactWorkAuditRow, aboutField: string): ContactWorkAuditItem {
  const about = (row.after ?? row.before)?.[aboutField];
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { userId: row.actor_user_id ?? 'system', organisationId: row.actor_organisation_id },
    organisationId: typeof about === 'string' ? about : null,
    action: row.action,
    crn: row.crn,
    before: row.before,
    after: row.after,
    traceId: row.trace_id,
  };
}
