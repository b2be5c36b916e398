import net from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import pino from 'pino';
import type { Setting } from '@cms/config';
import { createServiceApp, loadServiceConfig, type Clock, type ServiceDefinition } from '@cms/service-defaults';
import { createTestDatabase, testKafkaBrokers } from './infrastructure';

export interface ServiceUnderTest {
  app: NestExpressApplication;
  baseUrl: string;
  port: number;
  databaseUrl: string;
  /** A request to the service; `body` is sent as JSON. */
  fetch(path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** A statement on the service's database, as its superuser. */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface ServiceUnderTestOptions {
  /** Prefix of its fresh database's name (default: the service's name). */
  databaseName?: string;
  /** An existing database to run on instead of a fresh one: a second replica, or the service started again. */
  databaseUrl?: string;
  /** Settings beside DATABASE_URL and KAFKA_BROKERS (which point at the test PostgreSQL and Kafka). */
  env?: Record<string, string>;
  /** A fixed port (one its own settings must name before it starts); default: any free port. */
  port?: number;
  /** The service's time (e.g. a `TestClock`); default: the system clock. */
  clock?: Clock;
}

/**
 * A service in this process, exactly as `main.ts` runs it (`runService`: the same definition,
 * configuration loader and HTTP defaults), on its own fresh database on the test PostgreSQL and the
 * test Kafka broker: the one harness every service's integration tests share.
 */
export async function startServiceUnderTest<TSpec extends { PORT: Setting<number> }>(
  definition: ServiceDefinition<TSpec>,
  options: ServiceUnderTestOptions = {},
): Promise<ServiceUnderTest> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase(options.databaseName ?? definition.name));
  const port = options.port ?? 0;
  const config = loadServiceConfig(definition, {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    PORT: String(port),
    ...options.env,
  });
  const app = await createServiceApp(definition, { ...config, clock: options.clock }, pino({ level: 'silent' }));
  app.useLogger(false);
  await app.listen(port, '127.0.0.1');
  const actualPort = (app.getHttpServer().address() as net.AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${actualPort}`;
  return {
    app,
    baseUrl,
    port: actualPort,
    databaseUrl,
    fetch: (path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    async sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(text, values)).rows as T[];
      } finally {
        await client.end();
      }
    },
    close: () => app.close(),
  };
}

/** A port nothing listens on now: for a service whose own settings must name its address before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
