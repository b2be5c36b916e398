// Jest globalSetup of the integration project: one PostgreSQL server and one Kafka broker for the
// whole run, provisioned the way `npm start` does it (tools/infra): DATABASE_URL / KAFKA_BROKERS
// when set, else containers when a Docker engine answers, else the embedded PostgreSQL and a
// local KRaft broker, with fresh data in a temporary directory. Tests reach them through
// TEST_DATABASE_ADMIN_URL and TEST_KAFKA_BROKERS (see infrastructure.ts); the workers inherit
// these variables because they start after this function has run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// Path aliases resolve here through the swc transform (jest.config.js).
 
import {
  describeInfraError,
  KafkaBroker,
  Postgres,
  provisionKafka,
  provisionPostgres,
  redactUrl,
} from '@cms/infra';
import { TEST_DATABASE_ADMIN_URL, TEST_KAFKA_BROKERS, TEST_KAFKA_PARTNER_BROKERS } from '@cms/testing';

export interface TestInfrastructure {
  postgres: Postgres;
  kafka: KafkaBroker;
  /** Temporary data directory, removed by the teardown. */
  dataDir: string;
}

declare global {
  // Handed from the global setup to the global teardown (same Jest process).
  var __cmsTestInfrastructure: TestInfrastructure | undefined;
}

const DIR_PREFIX = 'cms-test-';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the data of earlier runs that were interrupted before their teardown ran. */
function removeAbandonedDirs(): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = new RegExp(`^${DIR_PREFIX}(\\d+)-`).exec(entry);
    if (!match || isAlive(Number(match[1]))) continue;
    fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
}

function failure(message: string): Error {
  const error = new Error(message);
  error.stack = message; // Jest prints the stack: keep it to the message, it says what to do.
  return error;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  removeAbandonedDirs();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${DIR_PREFIX}${process.pid}-`));
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    // The one slow, one-off step deserves a word while it happens.
    if (line.includes('fetching')) process.stderr.write(`\n${line}\n`);
  };

  const [pg, kafka] = await Promise.allSettled([
    provisionPostgres({ dataDir, log, fresh: true }),
    provisionKafka({ dataDir, log, fresh: true }),
  ]);
  if (pg.status === 'rejected' || kafka.status === 'rejected') {
    await Promise.allSettled([
      pg.status === 'fulfilled' ? pg.value.stop() : undefined,
      kafka.status === 'fulfilled' ? kafka.value.stop() : undefined,
    ]);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const reasons = [pg, kafka]
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => describeInfraError(r.reason));
    throw failure(
      `Integration test infrastructure could not start:\n${reasons.join('\n')}\n` +
        (lines.length ? `Provisioning log:\n${lines.map((l) => `  ${l}`).join('\n')}` : ''),
    );
  }

  globalThis.__cmsTestInfrastructure = { postgres: pg.value, kafka: kafka.value, dataDir };
  process.env[TEST_DATABASE_ADMIN_URL] = pg.value.adminUrl;
  process.env[TEST_KAFKA_BROKERS] = kafka.value.brokers.join(',');
  process.env[TEST_KAFKA_PARTNER_BROKERS] = kafka.value.partnerBrokers.join(',');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `\nTest infrastructure in ${seconds} s: PostgreSQL ${pg.value.kind} (${redactUrl(pg.value.adminUrl)}), ` +
      `Kafka ${kafka.value.kind} (${kafka.value.brokers.join(',')})\n`,
  );
}
