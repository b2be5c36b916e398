/**
 * `npm run dlt -- <command>`: the dead letters (the messages a consumer group gave up on, in each
 * `<topic>.dlt`): what failed, why and how often, and replaying them once the cause is fixed. It
 * works on the broker; what a letter is and what a replay publishes is libs/messaging's
 * (dead-letters.ts, dead-letter-admin.ts), this command only reads its arguments and prints.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import {
  deadLetterTopicNamed,
  groupDeadLetters,
  KafkaAdapter,
  lettersNamed,
  listDeadLetterTopics,
  parseDeadLetterRef,
  planReplay,
  planReplayOfAll,
  publishReplays,
  readDeadLetters,
  replayScope,
  type DeadLetterGroup,
  type DeadLetterRef,
  type Replay,
  type TrackedDeadLetter,
} from '@cms/messaging';
import { localKafkaBrokers } from './infra/local-kafka';

const ROOT = resolve(__dirname, '..');

/** Exit codes: BSD sysexits' EX_USAGE for a command line that makes no sense. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 64;

/** How many letters `list` shows of each group (the latest), and how many of its errors. */
const LETTERS_SHOWN = 20;
const ERRORS_SHOWN = 5;

export const USAGE = `usage: npm run dlt -- <command>

commands:
  list [<topic>]          the dead letters waiting, per topic and consumer group: how many, the first and
                          the last, the most frequent errors, and the latest letters with their ids
  show <id>               one dead letter in full: where it came from, the group that gave up on it, the
                          error, the attempts, its headers and its payload
  replay <id>             puts the letter's event back on its topic, where the consumer group that failed
                          it processes it again (groups that applied it ignore it by its event id)
  replay --all <topic>    the same for every letter waiting on <topic>

<id>     a dead letter's place, <topic>.dlt:<partition>:<offset> as \`list\` prints it, or its event's
         id (ce_id) when that event was dead-lettered from one topic only
<topic>  cms.contacts.v1, or its dead-letter topic cms.contacts.v1.dlt

broker:
  KAFKA_BROKERS=host:port,…   that cluster
  otherwise                   the broker of the local stack \`npm start\` runs (recorded in .data/kafka)`;

/** Where the broker is: the bootstrap servers given, or the local stack's. */
export type KafkaCluster = { brokers: string[] } | { local: true };

export type DltCommand =
  | { action: 'help' }
  | { action: 'list'; topic?: string; cluster: KafkaCluster }
  | { action: 'show'; ref: DeadLetterRef; cluster: KafkaCluster }
  | { action: 'replay'; ref: DeadLetterRef; cluster: KafkaCluster }
  | { action: 'replay-all'; topic: string; cluster: KafkaCluster };

/** A command line that makes no sense: the message, then the usage, exit 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the operator can act on: the message alone, exit 1. */
class CommandError extends Error {
  override readonly name = 'CommandError';
}

export function parseDltCommand(argv: string[], env: Record<string, string | undefined>): DltCommand {
  let parsed: ReturnType<typeof parseDltArgs>;
  try {
    parsed = parseDltArgs(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { action: 'help' };
  const [action, ...rest] = positionals;
  const cluster = () => clusterOf(env.KAFKA_BROKERS);
  if (action === 'list') {
    if (values.all || rest.length > 1) throw new UsageError('list takes one topic at most');
    return rest.length === 0
      ? { action, cluster: cluster() }
      : { action, topic: topicArgument(rest[0]), cluster: cluster() };
  }
  if (action === 'show') {
    if (values.all || rest.length !== 1) throw new UsageError('show takes one dead letter id');
    return { action, ref: refArgument(rest[0]), cluster: cluster() };
  }
  if (action === 'replay') {
    if (values.all && rest.length === 1)
      return { action: 'replay-all', topic: topicArgument(rest[0]), cluster: cluster() };
    if (values.all) throw new UsageError('replay --all takes one topic');
    if (rest.length !== 1) throw new UsageError('replay takes one dead letter id, or --all and a topic');
    return { action, ref: refArgument(rest[0]), cluster: cluster() };
  }
  throw new UsageError(action === undefined ? 'no command given' : `unknown command ${JSON.stringify(action)}`);
}

function parseDltArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
}

function refArgument(text: string): DeadLetterRef {
  const ref = parseDeadLetterRef(text);
  if (!ref) {
    throw new UsageError(
      `${JSON.stringify(text)} is not a dead letter id: expected <topic>.dlt:<partition>:<offset> (as \`list\` prints it) or an event id`,
    );
  }
  return ref;
}

function topicArgument(text: string): string {
  if (!/^[a-zA-Z0-9._-]+$/.test(text))
    throw new UsageError(`${JSON.stringify(text)} is not a topic name (such as cms.contacts.v1)`);
  return deadLetterTopicNamed(text);
}

function clusterOf(list: string | undefined): KafkaCluster {
  if (!list?.trim()) return { local: true };
  const brokers = list
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.some((broker) => !/^[^\s:/]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$/.test(broker))) {
    throw new UsageError(`KAFKA_BROKERS must be a comma-separated list of host:port, got ${JSON.stringify(list)}`);
  }
  return { brokers };
}

/** The waiting letters per topic and consumer group; the replayed ones only counted. */
export function formatDeadLetterList(groups: DeadLetterGroup[], topicCount: number): string {
  const waiting = groups.reduce((sum, group) => sum + group.waiting.length, 0);
  const replayed = groups.reduce((sum, group) => sum + group.replayed, 0);
  const replayedNote = replayed === 0 ? '' : ` (${plural(replayed, 'letter')} replayed already, not listed)`;
  const topics = plural(topicCount, 'dead-letter topic');
  if (waiting === 0) return `No dead letters waiting in ${topics}${replayedNote}.`;
  const sections = groups
    .filter((group) => group.waiting.length > 0)
    .map((group) => {
      const lines = [
        `${group.originalTopic}, consumer group ${group.consumerGroup ?? '(not recorded)'}: ${group.waiting.length} waiting` +
          (group.replayed === 0 ? '' : `, ${group.replayed} replayed`),
        `  dead-lettered from ${timeOf(group.first)} to ${timeOf(group.last)}`,
        '  errors:',
        ...group.errors
          .slice(0, ERRORS_SHOWN)
          .map(({ error, count }) => `    ${String(count).padStart(5)}  ${clip(error, 200)}`),
      ];
      const others = group.errors.slice(ERRORS_SHOWN);
      if (others.length > 0) {
        lines.push(
          `    and ${plural(others.length, 'other error')} (${plural(
            others.reduce((sum, { count }) => sum + count, 0),
            'letter',
          )})`,
        );
      }
      const shown = group.waiting.slice(-LETTERS_SHOWN);
      lines.push(shown.length < group.waiting.length ? `  the latest ${shown.length}:` : '  letters:');
      lines.push(
        ...table([
          ['id', 'dead-lettered', 'attempts', 'event type', 'subject', 'error'],
          ...shown.map((letter) => [
            letter.id,
            timeOf(letter.deadLetteredAt),
            String(letter.attempts ?? '?'),
            letter.eventType ?? '-',
            letter.subject ?? '-',
            clip(letter.error, 100),
          ]),
        ]).map((line) => `    ${line}`),
      );
      return lines.join('\n');
    });
  return [`${plural(waiting, 'dead letter')} waiting in ${topics}${replayedNote}:`, ...sections].join('\n\n');
}

/** One letter in full: where it came from, why it failed, its headers and its payload (JSON indented). */
export function formatDeadLetter(letter: TrackedDeadLetter): string {
  const state = !letter.replayed
    ? 'waiting'
    : letter.replayedAt
      ? `replayed at ${letter.replayedAt.toISOString()}`
      : 'replayed';
  const from = [
    letter.originalTopic,
    letter.originalPartition === undefined ? undefined : `partition ${letter.originalPartition}`,
    letter.originalOffset === undefined ? undefined : `offset ${letter.originalOffset}`,
  ];
  const event =
    letter.eventId === undefined
      ? '(not an event: no ce_id)'
      : `${letter.eventId} (${letter.eventType ?? 'no type'}), subject ${letter.subject ?? '(none)'}`;
  const fields: [string, string][] = [
    ['from', from.filter(Boolean).join(', ')],
    ['consumer group', letter.consumerGroup ?? '(not recorded)'],
    [
      'dead-lettered',
      `${timeOf(letter.deadLetteredAt)}, after ${letter.attempts === undefined ? '? attempts' : plural(letter.attempts, 'attempt')}`,
    ],
    ['replayed before', letter.replaysBefore === 0 ? 'never' : plural(letter.replaysBefore, 'time')],
    ['event', event],
    ['key', letter.key ?? '(none)'],
    ['error', letter.error.replace(/\n/g, '\n                   ')],
  ];
  return [
    `Dead letter ${letter.id}: ${state}`,
    ...fields.map(([name, value]) => `  ${name.padEnd(15)}  ${value}`),
    '',
    'headers:',
    ...Object.entries(letter.headers)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `  ${name}: ${value}`),
    '',
    'payload:',
    prettyPayload(letter.value),
  ].join('\n');
}

/** What a replay did, in a sentence. */
export function formatReplay(named: string, replay: Replay, previous: TrackedDeadLetter[]): string {
  const destination = `back on ${replay.message.topic} (event ${replay.message.headers.ce_id ?? 'without an id'}, replay ${replay.message.headers.cms_replay_count})`;
  if (replay.settles.length === 0) {
    const last = previous.map((letter) => letter.replayedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
    return (
      `${named} was replayed already${last > 0 ? ` at ${new Date(last).toISOString()}` : ''}; replayed again, ${destination}. ` +
      'A consumer group that applied the event since ignores it by its event id.'
    );
  }
  const groups = [...new Set(replay.settles.map((letter) => letter.consumerGroup ?? '(not recorded)'))];
  return (
    `Replayed ${named}: ${destination}, where consumer group${groups.length === 1 ? '' : 's'} ${groups.join(', ')} ` +
    `process${groups.length === 1 ? 'es' : ''} it again; groups that applied it ignore it by its event id.` +
    (replay.settles.length > 1
      ? ` It settles ${replay.settles.length} dead letters: ${replay.settles.map((letter) => letter.id).join(', ')}.`
      : '')
  );
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((cells) => cells[column].length)));
  return rows.map((cells) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}

function prettyPayload(value: string): string {
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value === '' ? '(empty)' : `${value}\n(not JSON: shown as it is)`;
  }
}

function timeOf(time: Date | undefined): string {
  return time?.toISOString() ?? '(unknown)';
}

function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function run(command: Exclude<DltCommand, { action: 'help' }>, now: Date): Promise<number> {
  const brokers = 'brokers' in command.cluster ? command.cluster.brokers : localBrokers();
  const kafka = new KafkaAdapter({
    clientId: 'cms-dlt',
    brokers,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'silent' }, pino.destination(2)),
  });
  try {
    if (!(await kafka.isReachable(5_000))) {
      const hint =
        'brokers' in command.cluster ? ' Is KAFKA_BROKERS right, and the broker up?' : ' Is `npm start` running?';
      throw new CommandError(`Could not reach Kafka at ${brokers.join(',')}.${hint}`);
    }
    return await execute(kafka, command, now);
  } finally {
    await kafka.disconnect().catch(() => undefined);
  }
}

function localBrokers(): string[] {
  const brokers = localKafkaBrokers(join(ROOT, '.data'));
  if (!brokers) {
    throw new CommandError(
      `No local Kafka is recorded in ${join(ROOT, '.data', 'kafka', 'state.json')}: \`npm start\` has not run here, ` +
        'or runs on another broker (KAFKA_BROKERS or containers). Give its bootstrap servers as KAFKA_BROKERS instead.',
    );
  }
  return brokers;
}

async function execute(
  kafka: KafkaAdapter,
  command: Exclude<DltCommand, { action: 'help' }>,
  now: Date,
): Promise<number> {
  const topics = await listDeadLetterTopics(kafka);
  switch (command.action) {
    case 'list': {
      const listed = command.topic === undefined ? topics : [knownTopic(command.topic, topics)];
      if (listed.length === 0) {
        console.log('No dead-letter topics on this broker: no consumer has started on it yet.');
        return EXIT_OK;
      }
      console.log(formatDeadLetterList(groupDeadLetters(await readDeadLetters(kafka, listed)), listed.length));
      return EXIT_OK;
    }
    case 'show': {
      const letters = lettersNamed(command.ref, await readDeadLetters(kafka, topicsOf(command.ref, topics)));
      if (letters.length === 0) return unknown(command.ref);
      if (letters.length > 1) return ambiguous(command.ref, letters);
      console.log(formatDeadLetter(letters[0]));
      return EXIT_OK;
    }
    case 'replay': {
      const scope = replayScope(command.ref, await readDeadLetters(kafka, topicsOf(command.ref, topics)));
      if (scope.outcome === 'unknown') return unknown(command.ref);
      if (scope.outcome === 'ambiguous') return ambiguous(command.ref, scope.letters);
      const replay = planReplay(scope.letters, now);
      await publishReplays(kafka, [replay]);
      console.log(
        formatReplay(
          command.ref.kind === 'letter' ? command.ref.id : `event ${command.ref.eventId}`,
          replay,
          scope.letters,
        ),
      );
      return EXIT_OK;
    }
    case 'replay-all': {
      const topic = knownTopic(command.topic, topics);
      const replays = planReplayOfAll(await readDeadLetters(kafka, [topic]), now);
      if (replays.length === 0) {
        console.log(`No dead letters waiting on ${topic}: nothing to replay.`);
        return EXIT_OK;
      }
      await publishReplays(kafka, replays);
      const settled = replays.reduce((sum, replay) => sum + replay.settles.length, 0);
      console.log(
        `Replayed ${plural(replays.length, 'event')} from ${topic} back onto ${replays[0].message.topic}, settling ${plural(settled, 'dead letter')}: ` +
          'the consumer groups that failed them process them again; groups that applied one ignore it by its event id.',
      );
      return EXIT_OK;
    }
  }
}

/** The dead-letter topics to read for an id: the letter's own, or all of them for an event id. */
function topicsOf(ref: DeadLetterRef, topics: string[]): string[] {
  if (ref.kind === 'event') return topics;
  const topic = ref.id.slice(0, ref.id.indexOf(':'));
  return topics.includes(topic) ? [topic] : [];
}

function knownTopic(topic: string, topics: string[]): string {
  if (topics.includes(topic)) return topic;
  const known = topics.length === 0 ? 'there are none yet' : `there are ${topics.join(', ')}`;
  throw new CommandError(`No dead-letter topic ${topic} on this broker (${known}). Is the topic one a consumer reads?`);
}

function unknown(ref: DeadLetterRef): number {
  const what = ref.kind === 'letter' ? `No dead letter ${ref.id}` : `No dead letter of event ${ref.eventId}`;
  console.error(`${what}: \`npm run dlt -- list\` lists them.`);
  return EXIT_FAILURE;
}

function ambiguous(ref: DeadLetterRef, letters: TrackedDeadLetter[]): number {
  const name = ref.kind === 'letter' ? ref.id : `Event ${ref.eventId}`;
  console.error(
    `${name} has ${letters.length} dead letters; name one by its id:\n` +
      letters
        .map(
          (letter) =>
            `  ${letter.id}  ${letter.originalTopic}, group ${letter.consumerGroup ?? '(not recorded)'}, ${letter.replayed ? 'replayed' : 'waiting'}`,
        )
        .join('\n'),
  );
  return EXIT_FAILURE;
}

async function main(): Promise<number> {
  let command: DltCommand;
  try {
    command = parseDltCommand(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`dlt: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (command.action === 'help') {
    console.log(USAGE);
    return EXIT_OK;
  }
  try {
    return await run(command, new Date());
  } catch (error) {
    console.error(`dlt: ${error instanceof CommandError ? error.message : ((error as Error).stack ?? String(error))}`);
    return EXIT_FAILURE;
  }
}

if (require.main === module) {
  void main().then((code) => process.exit(code));
}
