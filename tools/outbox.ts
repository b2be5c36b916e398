/**
 * `npm run outbox -- <command>`: the outbox rows that the relay parked (it gave up on them after
 * repeated failures of their own, such as a message the broker refuses), and requeueing them once
 * the cause is fixed. It works on one service's database; the SQL is libs/messaging's
 * (outbox-admin.ts), this command only reads its arguments and prints.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import {
  isOutboxMessageId,
  listParkedOutboxMessages,
  requeueAllParkedOutboxMessages,
  requeueParkedOutboxMessage,
  type ParkedOutboxMessage,
} from '@cms/messaging';
import { databaseUrl } from '@cms/persistence';
import { localPostgresAdminUrl } from './infra/local-postgres';
import { redactUrl } from './infra/provision';

import { CommandError, EXIT_FAILURE, EXIT_OK, runOperatorCommand, UsageError } from './operator-command';

const ROOT = resolve(__dirname, '..');


export const USAGE = `usage: npm run outbox -- <command> [--service <name>]

commands:
  parked           list the parked outbox rows: id, topic, key, created, attempts, last error
  requeue <id>     make a parked row pending again (its attempts back to 0); the relay tries it at once
  requeue --all    the same for every parked row

database (one service's):
  DATABASE_URL=postgres://…/<database>   that database
  --service <name>                       that service's database in the local stack \`npm start\` runs
                                         (access-control, meter-points, contact-logging); takes precedence`;

/** Where the service's database is: a URL, or a service of the local stack. */
export type OutboxDatabase = { url: string } | { service: string };

export type OutboxCommand =
  | { action: 'help' }
  | { action: 'parked'; database: OutboxDatabase }
  | { action: 'requeue'; id: string; database: OutboxDatabase }
  | { action: 'requeue-all'; database: OutboxDatabase };


export function parseOutboxCommand(argv: string[], env: Record<string, string | undefined>): OutboxCommand {
  let parsed: ReturnType<typeof parseOutboxArgs>;
  try {
    parsed = parseOutboxArgs(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { action: 'help' };
  const [action, ...rest] = positionals;
  const database = () => databaseOf(values.service, env.DATABASE_URL);
  if (action === 'parked') {
    if (rest.length > 0 || values.all) throw new UsageError('parked takes no further arguments');
    return { action, database: database() };
  }
  if (action === 'requeue') {
    if (values.all && rest.length === 0) return { action: 'requeue-all', database: database() };
    if (values.all || rest.length !== 1) throw new UsageError('requeue takes one outbox message id, or --all');
    const [id] = rest;
    if (!isOutboxMessageId(id)) throw new UsageError(`${JSON.stringify(id)} is not an outbox message id: expected the event's UUID`);
    return { action, id: id.toLowerCase(), database: database() };
  }
  throw new UsageError(action === undefined ? 'no command given' : `unknown command ${JSON.stringify(action)}`);
}

function parseOutboxArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { service: { type: 'string' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
}

function databaseOf(service: string | undefined, url: string | undefined): OutboxDatabase {
  if (service !== undefined) {
    if (!/^[a-z][a-z0-9-]*$/.test(service)) throw new UsageError(`${JSON.stringify(service)} is not a service name (such as contact-logging)`);
    return { service };
  }
  if (url?.trim()) return { url: url.trim() };
  throw new UsageError('which database? Set DATABASE_URL to the service database, or give --service <name>');
}

/** The database of a service in the local stack: `cms_<name with _>` (tools/stack.ts) on the server recorded in .data. */
export function localServiceDatabase(service: string): { name: string; url: string } {
  const name = `cms_${service.replace(/-/g, '_')}`;
  const adminUrl = localPostgresAdminUrl(join(ROOT, '.data'));
  if (!adminUrl) {
    throw new CommandError(
      `No local PostgreSQL is recorded in ${join(ROOT, '.data', 'postgres.json')}: \`npm start\` has not run here, ` +
        'or runs on another server (DATABASE_URL or containers). Give the service database as DATABASE_URL instead.',
    );
  }
  return { name, url: databaseUrl(adminUrl, name) };
}

/** The parked rows as a table, one line each, the error last (it is the longest). */
export function formatParked(rows: ParkedOutboxMessage[]): string {
  const table = [
    ['id', 'topic', 'key', 'created', 'attempts', 'last error'],
    ...rows.map((row) => [row.id, row.topic, row.key, row.createdAt.toISOString(), String(row.attempts), oneLine(row.lastError ?? '')]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  return table
    .map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd())
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function run(command: Exclude<OutboxCommand, { action: 'help' }>): Promise<number> {
  const target =
    'service' in command.database ? localServiceDatabase(command.database.service) : { name: databaseName(command.database.url), url: command.database.url };
  const client = new Client({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw connectionFailure(error, target, command.database);
  }
  try {
    return await execute(client, command, target.name);
  } catch (error) {
    throw queryFailure(error, target.name);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function execute(client: Client, command: Exclude<OutboxCommand, { action: 'help' }>, database: string): Promise<number> {
  switch (command.action) {
    case 'parked': {
      const rows = await listParkedOutboxMessages(client);
      if (rows.length === 0) {
        console.log(`No parked outbox messages in ${database}.`);
      } else {
        console.log(`${rows.length} parked outbox message${rows.length === 1 ? '' : 's'} in ${database}:\n\n${formatParked(rows)}`);
        console.log('\nOnce the cause is fixed: npm run outbox -- requeue <id> (or --all).');
      }
      return EXIT_OK;
    }
    case 'requeue': {
      const result = await requeueParkedOutboxMessage(client, command.id);
      switch (result.outcome) {
        case 'requeued':
          console.log(`Requeued ${command.id}: the relay publishes it again at once (attempts back to 0).`);
          return EXIT_OK;
        case 'unknown':
          console.error(`No outbox message ${command.id} in ${database}: \`npm run outbox -- parked\` lists the parked ones.`);
          return EXIT_FAILURE;
        case 'not-parked':
          console.error(
            result.publishedAt
              ? `Outbox message ${command.id} is not parked: it was published at ${result.publishedAt.toISOString()}. Nothing to do.`
              : `Outbox message ${command.id} is not parked: it is pending, and the relay is still trying it (${result.attempts} failed attempts so far).`,
          );
          return EXIT_FAILURE;
      }
      break;
    }
    case 'requeue-all': {
      const count = await requeueAllParkedOutboxMessages(client);
      console.log(
        count === 0
          ? `No parked outbox messages in ${database}: nothing to requeue.`
          : `Requeued ${count} parked outbox message${count === 1 ? '' : 's'} in ${database}: the relay publishes them again at once.`,
      );
      return EXIT_OK;
    }
  }
}

function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || redactUrl(url);
  } catch {
    throw new UsageError('DATABASE_URL is not a URL: expected postgres://user:password@host:port/<database>');
  }
}

function connectionFailure(error: unknown, target: { name: string; url: string }, database: OutboxDatabase): CommandError {
  const { code, message } = error as { code?: string; message: string };
  if (code === '3D000' && 'service' in database) {
    return new CommandError(`The local stack has no database ${target.name}: is ${database.service} one of its services?`);
  }
  const hint = 'service' in database ? ' Is `npm start` running?' : '';
  return new CommandError(`Could not connect to ${redactUrl(target.url)}: ${message}.${hint}`);
}

function queryFailure(error: unknown, database: string): Error {
  const { code } = error as { code?: string };
  if (code === '42P01') return new CommandError(`${database} has no outbox (table outbox_message): is it a service's database?`);
  if (code === '42703') return new CommandError(`${database}'s outbox has no parked_at column yet: start the service once, so that its migrations run.`);
  return error as Error;
}

if (require.main === module) {
  void runOperatorCommand({ name: 'outbox', usage: USAGE, parse: parseOutboxCommand, run: (command) => run(command) }).then((code) => process.exit(code));
}
