import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '@cms/demo-data';
import { DATA_SOURCE } from '@cms/service-defaults';
import { freePort, startServiceUnderTest } from '@cms/testing';
import { readAccessSeed } from '../../src/application/access-seed';
import { PASSWORD_HASHING, type PasswordHashing } from '../../src/application/password-hashing.port';
import { insertAccessSeed, type AccessSeedResult } from '../../src/infrastructure/access-seed.writer';
import { accessControlService } from '../../src/service';
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
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = await startServiceUnderTest(accessControlService, {
    databaseName: options.databaseName,
    port,
    env: {
      AUTH_JWKS_URL: `${baseUrl}/.well-known/jwks.json`,
      AUTH_ISSUER: ACCESS_TOKEN_ISSUER,
      SIGNING_KEY_ENCRYPTION_KEY: TEST_SIGNING_KEY_ENCRYPTION_KEY.toString('base64'),
      ...options.env,
    },
  });
  await seedDemoAccounts(service.app);

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
    app: service.app,
    baseUrl,
    databaseUrl: service.databaseUrl,
    call,
    async tokenOf(userId: string, password = DEMO_PASSWORD) {
      const response = await call('POST', '/api/v1/auth/login', undefined, { userId, password });
      if (response.status !== 200) throw new Error(`${userId} could not sign in: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    close: () => service.close(),
  };
}

/**
 * The demo organisations and users (tools/demo-data), put in as the seed command does
 * (seed-command.ts: readAccessSeed, then insertAccessSeed); idempotent.
 */
export async function seedDemoAccounts(app: NestExpressApplication): Promise<AccessSeedResult> {
  return insertAccessSeed(
    app.get<DataSource>(DATA_SOURCE),
    app.get<PasswordHashing>(PASSWORD_HASHING),
    readAccessSeed({ organisations: demoOrganisations(), users: demoUsers() }),
  );
}
