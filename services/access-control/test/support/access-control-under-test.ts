import net from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { DEMO_PASSWORD } from '@cms/demo-data';
import { applyHttpDefaults } from '@cms/service-defaults';
import { createTestDatabase, testKafkaBrokers } from '@cms/testing';
import { loadAccessControlConfig } from '../../src/access-control.config';
import { accessControlModule } from '../../src/app.module';
import { SigningKeyCipher } from '../../src/infrastructure/signing-key.cipher';

export const ACCESS_TOKEN_ISSUER = 'urn:cms:access-control';

/** The tests' SIGNING_KEY_ENCRYPTION_KEY: fixed, so that a test can open the keys the service sealed. */
export const TEST_SIGNING_KEY_ENCRYPTION_KEY = Buffer.alloc(32, 0x5a);
export const testSigningKeyCipher = () => new SigningKeyCipher(TEST_SIGNING_KEY_ENCRYPTION_KEY);

export interface AccessControlUnderTest {
  app: NestExpressApplication;
  baseUrl: string;
  databaseUrl: string;
  /** A request with a JSON body (if any) and a bearer token (if any). */
  call(method: string, path: string, accessToken?: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Signs a demo user in: their access token. */
  tokenOf(userId: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * access-control in this process, as its integration tests need it: its own fresh database on the
 * test PostgreSQL with the demo organisations and users, the test Kafka broker, on a free port that
 * its own JWKS URL points at (it verifies the tokens it issues like any other service). `env` adds
 * or overrides settings (an SMTP server, lock-out limits).
 */
export async function startAccessControl(options: { databaseName: string; env?: Record<string, string> }): Promise<AccessControlUnderTest> {
  const databaseUrl = await createTestDatabase(options.databaseName);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    PORT: String(port),
    AUTH_JWKS_URL: `${baseUrl}/.well-known/jwks.json`,
    AUTH_ISSUER: ACCESS_TOKEN_ISSUER,
    DEMO_DATA: 'true',
    SIGNING_KEY_ENCRYPTION_KEY: TEST_SIGNING_KEY_ENCRYPTION_KEY.toString('base64'),
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  const app = await NestFactory.create<NestExpressApplication>(accessControlModule(loadAccessControlConfig(), logger), {
    bodyParser: false,
    logger: false,
  });
  applyHttpDefaults(app, logger);
  await app.listen(port, '127.0.0.1');

  const call = (method: string, path: string, accessToken?: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  return {
    app,
    baseUrl,
    databaseUrl,
    call,
    async tokenOf(userId: string, password = DEMO_PASSWORD) {
      const response = await call('POST', '/api/v1/auth/login', undefined, { userId, password });
      if (response.status !== 200) throw new Error(`${userId} could not sign in: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      for (const name of Object.keys(options.env ?? {})) delete process.env[name];
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
