import { deadLetterTopic } from '@cms/contracts';
import type { IncomingMessage, OutgoingMessage } from './kafka-adapter';

/**
 * Dead letters as the operator sees them (`npm run dlt`): what EventConsumer wrote to `<topic>.dlt`
 * (its `cms_dlt_*` headers beside the message's own key, value and CloudEvents headers), which of
 * them were replayed, and what a replay publishes. Plain functions, no Kafka: dead-letter-admin.ts
 * reads and writes the topics.
 *
 * A dead-letter topic is append-only, so a replay cannot remove its letter. It is recorded instead
 * in `<topic>.dlt.replayed`, a compacted topic keyed by the letter's id: a letter with a marker
 * there is replayed, any other is waiting.
 */

/** A dead letter: one message of a `<topic>.dlt`, read. */
export interface DeadLetter {
  /** `<dead-letter topic>:<partition>:<offset>`: where it is; unique, and never reused by Kafka. */
  id: string;
  /** The dead-letter topic, `<topic>.dlt`. */
  topic: string;
  partition: number;
  offset: string;
  /** The topic the consumer read it from, where a replay puts it back. */
  originalTopic: string;
  originalPartition?: number;
  originalOffset?: string;
  /** The consumer group that gave up on it. */
  consumerGroup?: string;
  /** Why, as `<error name>: <message>` (EventConsumer keeps the first 2,000 characters). */
  error: string;
  /** Tries before it gave up (1 for a message that can never succeed). */
  attempts?: number;
  deadLetteredAt?: Date;
  /** The CloudEvents attributes, when the message is an event (a malformed one may lack them). */
  eventId?: string;
  eventType?: string;
  subject?: string;
  /** How often the event had been replayed before this failure (0 for a first failure). */
  replaysBefore: number;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/** A dead letter and whether it was replayed (and when, as its latest marker says). */
export interface TrackedDeadLetter extends DeadLetter {
  replayed: boolean;
  replayedAt?: Date;
  /** How often it was replayed: its markers (at least 1 once replayed; compaction keeps the latest only). */
  replays: number;
}

/** What a replay records of one letter in `<topic>.dlt.replayed`. */
export interface ReplayMarker {
  deadLetterId: string;
  replayedAt?: Date;
}

/** The headers EventConsumer adds to a dead letter, and those a replay adds to the event it republishes. */
const DEAD_LETTER_HEADER_PREFIX = 'cms_dlt_';
const REPLAY_HEADER_PREFIX = 'cms_replay';
export const REPLAYED_AT_HEADER = 'cms_replayed_at';
export const REPLAY_COUNT_HEADER = 'cms_replay_count';
export const REPLAY_OF_HEADER = 'cms_replay_of';

const DEAD_LETTER_TOPIC_SUFFIX = '.dlt';

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith(DEAD_LETTER_TOPIC_SUFFIX) && topic.length > DEAD_LETTER_TOPIC_SUFFIX.length;
}

/** The dead-letter topic a command line names: `cms.contacts.v1` and `cms.contacts.v1.dlt` are the same one. */
export function deadLetterTopicNamed(topic: string): string {
  return isDeadLetterTopic(topic) ? topic : deadLetterTopic(topic);
}

/** The topic that records which letters of a dead-letter topic were replayed. */
export function replayMarkerTopic(deadLetterTopicName: string): string {
  return `${deadLetterTopicName}.replayed`;
}

/** What the operator names a dead letter by: its place (`<topic>.dlt:<partition>:<offset>`), or its event's id. */
export type DeadLetterRef = { kind: 'letter'; id: string } | { kind: 'event'; eventId: string };

const LETTER_ID = /^([a-zA-Z0-9._-]+):(\d{1,10}):(\d{1,19})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads a dead letter's id or an event id; undefined for anything else. */
export function parseDeadLetterRef(text: string): DeadLetterRef | undefined {
  const letter = LETTER_ID.exec(text.trim());
  if (letter && isDeadLetterTopic(letter[1])) {
    return { kind: 'letter', id: deadLetterId(letter[1], Number(letter[2]), BigInt(letter[3]).toString()) };
  }
  if (UUID.test(text.trim())) return { kind: 'event', eventId: text.trim().toLowerCase() };
  return undefined;
}

export function deadLetterId(topic: string, partition: number, offset: string): string {
  return `${topic}:${partition}:${offset}`;
}

/** A message of a dead-letter topic, read. */
export function readDeadLetter(message: IncomingMessage): DeadLetter {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers[name] = value;
  const time = headers.cms_dlt_time ? new Date(headers.cms_dlt_time) : undefined;
  return {
    id: deadLetterId(message.topic, message.partition, message.offset),
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    // A message someone put there by hand has no headers of ours: its topic is the dead-letter topic's.
    originalTopic: headers.cms_dlt_original_topic || message.topic.slice(0, -DEAD_LETTER_TOPIC_SUFFIX.length),
    originalPartition: wholeNumber(headers.cms_dlt_original_partition),
    originalOffset: wholeNumber(headers.cms_dlt_original_offset)?.toString(),
    consumerGroup: headers.cms_dlt_consumer_group,
    error: headers.cms_dlt_error ?? '(no error recorded)',
    attempts: wholeNumber(headers.cms_dlt_attempts),
    deadLetteredAt: time && !Number.isNaN(time.getTime()) ? time : undefined,
    eventId: headers.ce_id,
    eventType: headers.ce_type,
    subject: headers.ce_subject,
    replaysBefore: wholeNumber(headers[REPLAY_COUNT_HEADER]) ?? 0,
    key: message.key,
    value: message.value,
    headers,
  };
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** A message of a marker topic, read: its key is the letter's id, its value says when. */
export function readReplayMarker(message: IncomingMessage): ReplayMarker | undefined {
  if (!message.key) return undefined;
  let replayedAt: Date | undefined;
  try {
    const value = JSON.parse(message.value) as { replayedAt?: unknown };
    const time = typeof value.replayedAt === 'string' ? new Date(value.replayedAt) : undefined;
    if (time && !Number.isNaN(time.getTime())) replayedAt = time;
  } catch {
    // The key alone says the letter was replayed.
  }
  return { deadLetterId: message.key, replayedAt };
}

/** The letters, each marked replayed if a marker names it; `markers` in the order they were written, the latest time wins. */
export function trackReplays(letters: DeadLetter[], markers: ReplayMarker[]): TrackedDeadLetter[] {
  const replays = new Map<string, { at?: Date; count: number }>();
  for (const marker of markers) {
    const previous = replays.get(marker.deadLetterId);
    replays.set(marker.deadLetterId, { at: marker.replayedAt ?? previous?.at, count: (previous?.count ?? 0) + 1 });
  }
  return letters.map((letter) => {
    const replay = replays.get(letter.id);
    return { ...letter, replayed: replay !== undefined, replayedAt: replay?.at, replays: replay?.count ?? 0 };
  });
}

export function isWaiting(letter: TrackedDeadLetter): boolean {
  return !letter.replayed;
}

/** One error text and how many waiting letters carry it. */
export interface ErrorCount {
  error: string;
  count: number;
}

/** The dead letters of one topic and consumer group. */
export interface DeadLetterGroup {
  originalTopic: string;
  consumerGroup?: string;
  /** Waiting letters, oldest first. */
  waiting: TrackedDeadLetter[];
  replayed: number;
  /** When the first and the last waiting letter were dead-lettered. */
  first?: Date;
  last?: Date;
  /** The waiting letters' errors, the most frequent first (ties: the latest first). */
  errors: ErrorCount[];
}

/** Groups the letters by topic and consumer group, in that order; groups with nothing waiting too. */
export function groupDeadLetters(letters: TrackedDeadLetter[]): DeadLetterGroup[] {
  const groups = new Map<string, TrackedDeadLetter[]>();
  for (const letter of letters) {
    const key = JSON.stringify([letter.originalTopic, letter.consumerGroup ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), letter]);
  }
  return [...groups.values()]
    .map((members) => {
      const waiting = members.filter(isWaiting).sort(byDeadLetterTime);
      const times = waiting.flatMap((letter) => (letter.deadLetteredAt ? [letter.deadLetteredAt] : []));
      return {
        originalTopic: members[0].originalTopic,
        consumerGroup: members[0].consumerGroup,
        waiting,
        replayed: members.length - waiting.length,
        first: times[0],
        last: times.at(-1),
        errors: errorCounts(waiting),
      };
    })
    .sort(
      (a, b) =>
        compareText(a.originalTopic, b.originalTopic) || compareText(a.consumerGroup ?? '', b.consumerGroup ?? ''),
    );
}

function errorCounts(letters: TrackedDeadLetter[]): ErrorCount[] {
  const counts = new Map<string, { count: number; latest: number }>();
  letters.forEach((letter, index) =>
    counts.set(letter.error, { count: (counts.get(letter.error)?.count ?? 0) + 1, latest: index }),
  );
  return [...counts]
    .sort(([, a], [, b]) => b.count - a.count || b.latest - a.latest)
    .map(([error, { count }]) => ({ error, count }));
}

function byDeadLetterTime(a: DeadLetter, b: DeadLetter): number {
  return (a.deadLetteredAt?.getTime() ?? 0) - (b.deadLetteredAt?.getTime() ?? 0) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The letters an id names: the one at that place, or every letter of that event. */
export function lettersNamed(ref: DeadLetterRef, letters: TrackedDeadLetter[]): TrackedDeadLetter[] {
  return ref.kind === 'letter'
    ? letters.filter((letter) => letter.id === ref.id)
    : letters.filter((letter) => letter.eventId === ref.eventId);
}

export type ReplayScope =
  | { outcome: 'found'; letters: TrackedDeadLetter[] }
  | { outcome: 'unknown' }
  /** An event id whose letters came from more than one topic: name one letter instead. */
  | { outcome: 'ambiguous'; letters: TrackedDeadLetter[] };

/**
 * The letters a replay of `ref` puts back (planReplay says why): the letter named and every other
 * letter of its event on its topic, or every letter of the event named.
 */
export function replayScope(ref: DeadLetterRef, letters: TrackedDeadLetter[]): ReplayScope {
  const named = lettersNamed(ref, letters);
  if (named.length === 0) return { outcome: 'unknown' };
  if (new Set(named.map((letter) => letter.originalTopic)).size > 1) return { outcome: 'ambiguous', letters: named };
  const [{ eventId, originalTopic }] = named;
  if (ref.kind === 'event' || eventId === undefined) return { outcome: 'found', letters: named };
  return {
    outcome: 'found',
    letters: letters.filter((letter) => letter.eventId === eventId && letter.originalTopic === originalTopic),
  };
}

/** One event put back on its topic: the message, and the letters it settles (each gets a marker). */
export interface Replay {
  message: OutgoingMessage;
  markers: OutgoingMessage[];
  /** The letters of the event, on its topic, that were waiting: the replay settles them all. */
  settles: TrackedDeadLetter[];
}

/**
 * Why a replay goes back to the original topic, as the same message (key, value, CloudEvents
 * headers): it then takes the very path it failed on (EventConsumer: the schema check, the inbox,
 * the handler, its retries and dead letter), with no change to any consumer. Every group on the
 * topic reads it again, and that is safe because consumers are idempotent by event id: a group
 * that applied the event finds its id in its inbox and ignores it, a group that passes the type
 * over passes it over again, and every group that dead-lettered it applies it now. That is why a
 * replay settles every waiting letter of the event on that topic, whichever group wrote it.
 * (A retry topic per group would spare the other groups one inbox look-up, at the price of a
 * second subscription in every consumer and a path of its own to test.) Like any late delivery,
 * it comes after the events that followed it for the same key.
 *
 * `letters` are the letters of one event on one topic (or one letter of a message without an
 * event id). The republished message drops the `cms_dlt_*` headers (a new failure writes its own)
 * and says it is a replay: when, of which letter (the latest failure), and the how-manyth.
 */
export function planReplay(letters: TrackedDeadLetter[], replayedAt: Date): Replay {
  const [source] = [...letters].sort((a, b) => b.replaysBefore - a.replaysBefore || byDeadLetterTime(b, a));
  if (!source) throw new Error('a replay needs a dead letter');
  // The how-manyth replay of the event: after those before its latest failure, and those of its letters since.
  const replayCount = Math.max(...letters.map((letter) => letter.replaysBefore + letter.replays)) + 1;
  const topics = new Set(letters.map((letter) => letter.originalTopic));
  if (topics.size > 1)
    throw new Error(`the letters of one replay must come from one topic, not ${[...topics].join(', ')}`);
  const headers = Object.fromEntries(
    Object.entries(source.headers).filter(
      ([name]) => !name.startsWith(DEAD_LETTER_HEADER_PREFIX) && !name.startsWith(REPLAY_HEADER_PREFIX),
    ),
  );
  const settles = letters.filter(isWaiting);
  const at = replayedAt.toISOString();
  return {
    message: {
      topic: source.originalTopic,
      key: source.key ?? '',
      value: source.value,
      headers: {
        ...headers,
        [REPLAYED_AT_HEADER]: at,
        [REPLAY_COUNT_HEADER]: String(replayCount),
        [REPLAY_OF_HEADER]: source.id,
      },
    },
    markers: (settles.length > 0 ? settles : [source]).map((letter) => ({
      topic: replayMarkerTopic(letter.topic),
      key: letter.id,
      value: JSON.stringify({ replayedAt: at, eventId: letter.eventId ?? null }),
      headers: {},
    })),
    settles,
  };
}

/**
 * The replays that settle every waiting letter of a topic: one per event (however many groups
 * dead-lettered it), in the order the topic first held them, so that events of one key keep their order.
 */
export function planReplayOfAll(letters: TrackedDeadLetter[], replayedAt: Date): Replay[] {
  const waiting = letters.filter(isWaiting).sort(byOriginalPlace);
  const byEvent = new Map<string, TrackedDeadLetter[]>();
  for (const letter of waiting) {
    const key = letter.eventId ? `event:${letter.originalTopic}:${letter.eventId}` : `letter:${letter.id}`;
    byEvent.set(key, [...(byEvent.get(key) ?? []), letter]);
  }
  return [...byEvent.values()].map((group) => planReplay(group, replayedAt));
}

function byOriginalPlace(a: DeadLetter, b: DeadLetter): number {
  return (
    compareText(a.originalTopic, b.originalTopic) ||
    (a.originalPartition ?? 0) - (b.originalPartition ?? 0) ||
    Number(BigInt(a.originalOffset ?? a.offset) - BigInt(b.originalOffset ?? b.offset)) ||
    compareText(a.id, b.id)
  );
}
