import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import { testKafkaBrokers, TestTokenIssuer } from '@cms/testing';
import { createGatewayApp } from '../src/gateway.app';
import { loadGatewayConfig } from '../src/gateway.config';
import { CONTENT_SECURITY_POLICY } from '../src/web/web-app';

/**
 * The gateway as the web app's server: the built files from WEB_APP_DIR with their caching and
 * security headers, index.html for client routes, and the web session in front of a stand-in
 * access-control that rotates refresh tokens as the real one does.
 */
describe('the gateway serving the web app', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'cms-web-'));
  const INDEX = '<!doctype html><title>CMS</title><script type="module" src="/assets/index-Ab12Cd.js"></script>';
  const authCalls: { path: string; body: any }[] = [];
  let issuer: TestTokenIssuer;
  let accessControl: Server;
  let gateway: NestExpressApplication;
  let baseUrl: string;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), INDEX);
    writeFileSync(join(webDir, 'assets', 'index-Ab12Cd.js'), 'console.log("app");');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    issuer = await TestTokenIssuer.start();
    // Refresh tokens rotate: only the latest one of a session is taken.
    let latest = 0;
    accessControl = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        const body = text ? JSON.parse(text) : undefined;
        authCalls.push({ path: request.url!, body });
        const tokens = () => ({
          accessToken: `access-${latest}`,
          tokenType: 'Bearer',
          expiresIn: 300,
          refreshToken: `refresh-${++latest}`,
        });
        const refuse = (code: string) =>
          response
            .writeHead(401, { 'content-type': 'application/problem+json' })
            .end(
              JSON.stringify({
                type: 'urn:cms:problem',
                title: 'Unauthorised',
                status: 401,
                code,
                detail: code,
                traceId: '0af7651916cd43dd8448eb211c80319c',
              }),
            );
        if (request.url === '/api/v1/auth/login') {
          if (body.password !== 'right password') return refuse('INVALID_CREDENTIALS');
          return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tokens()));
        }
        if (request.url === '/api/v1/auth/refresh') {
          if (body.refreshToken !== `refresh-${latest}`) return refuse('INVALID_REFRESH_TOKEN');
          return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tokens()));
        }
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => accessControl.listen(0, '127.0.0.1', resolve));
    const accessControlUrl = `http://127.0.0.1:${(accessControl.address() as AddressInfo).port}`;
    const config = loadGatewayConfig({
      ...issuer.env(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      ACCESS_CONTROL_URL: accessControlUrl,
      WEB_APP_DIR: webDir,
    });
    gateway = await createGatewayApp(config, pino({ level: 'silent' }));
    await gateway.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => accessControl.close(resolve));
    await issuer.stop();
    rmSync(webDir, { recursive: true, force: true });
  });

  const page = (path: string, headers: Record<string, string> = { accept: 'text/html' }) =>
    fetch(`${baseUrl}${path}`, { headers });

  describe('the built files', () => {
    it('answers index.html at / and at every client route, revalidated each time, under the strict policy', async () => {
      for (const path of ['/', '/contacts', '/contacts/C000001234', '/change-password']) {
        const response = await page(path);
        expect({
          path,
          status: response.status,
          type: response.headers.get('content-type'),
          body: await response.text(),
        }).toEqual({
          path,
          status: 200,
          type: expect.stringContaining('text/html'),
          body: INDEX,
        });
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      }
      expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    });

    it('lets a browser keep a hashed asset for a year, and revalidate the others', async () => {
      const asset = await page('/assets/index-Ab12Cd.js', {});
      expect([asset.status, asset.headers.get('cache-control'), asset.headers.get('content-type')]).toEqual([
        200,
        'public, max-age=31536000, immutable',
        expect.stringContaining('javascript'),
      ]);
      const icon = await page('/favicon.svg', {});
      expect([icon.status, icon.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      // A revalidation of an unchanged file costs no body.
      // A revalidation of an unchanged file costs no body. (Over node:http: fetch adds `Cache-Control: no-cache` to a conditional request.)
      const again = await new Promise<number | undefined>((resolve, reject) => {
        get(`${baseUrl}/favicon.svg`, { headers: { 'if-none-match': icon.headers.get('etag')! } }, (answer) => {
          answer.resume();
          resolve(answer.statusCode);
        }).on('error', reject);
      });
      expect(again).toBe(304);
    });

    it('answers 404 for a file that is not there, and never index.html for the API or health', async () => {
      for (const path of ['/assets/index-Gone00.js', '/favicon.ico']) {
        const response = await page(path);
        expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
          path,
          status: 404,
          type: expect.stringContaining('application/problem+json'),
        });
      }
      const api = await page('/api/nothing');
      expect([api.status, api.headers.get('content-type')]).toEqual([
        404,
        expect.stringContaining('application/problem+json'),
      ]);
      const health = await page('/health/live');
      expect([health.status, health.headers.get('content-type')]).toEqual([
        200,
        expect.stringContaining('application/json'),
      ]);
    });
  });

  describe('the web session', () => {
    const post = (route: string, options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {}) =>
      fetch(`${baseUrl}/api/web-session/${route}`, {
        method: 'POST',
        headers: {
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          'sec-fetch-site': 'same-origin',
          ...options.headers,
        },
        body: options.body ? JSON.stringify(options.body) : undefined,
      });
    const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0];

    it('signs in with the access token in the answer and the refresh token in an HttpOnly, SameSite=Strict cookie only', async () => {
      const response = await post('login', { body: { userId: 'bwe.user', password: 'right password' } });
      const body = await response.json();
      expect(response.status).toBe(200);
      expect(body).toEqual({ accessToken: expect.stringMatching(/^access-/), tokenType: 'Bearer', expiresIn: 300 });
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie).toMatch(/^cms_web_refresh=refresh-\d+; Path=\/api\/web-session; HttpOnly; SameSite=Strict$/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(authCalls.at(-1)).toEqual({
        path: '/api/v1/auth/login',
        body: { userId: 'bwe.user', password: 'right password' },
      });
    });

    it('renews the access token from the cookie, rotating it, and forgets a cookie access-control refuses', async () => {
      const signedIn = cookieOf(await post('login', { body: { userId: 'bwe.user', password: 'right password' } }))!;
      const renewed = await post('refresh', { cookie: signedIn });
      expect(renewed.status).toBe(200);
      expect(await renewed.json()).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 300 });
      const rotated = cookieOf(renewed)!;
      expect(rotated).not.toBe(signedIn);

      const reused = await post('refresh', { cookie: signedIn });
      expect(reused.status).toBe(401);
      expect(await reused.json()).toEqual(
        expect.objectContaining({ code: 'INVALID_REFRESH_TOKEN', traceId: '0af7651916cd43dd8448eb211c80319c' }),
      );
      expect(reused.headers.get('set-cookie')).toMatch(
        /^cms_web_refresh=; Path=\/api\/web-session; Expires=Thu, 01 Jan 1970/,
      );
    });

    it('passes a refused sign-in on as access-control said it, and asks for sign-in without a cookie', async () => {
      const refused = await post('login', { body: { userId: 'bwe.user', password: 'wrong' } });
      expect([refused.status, refused.headers.get('set-cookie'), ((await refused.json()) as any).code]).toEqual([
        401,
        null,
        'INVALID_CREDENTIALS',
      ]);
      const noCookie = await post('refresh');
      expect([noCookie.status, ((await noCookie.json()) as any).code]).toEqual([401, 'UNAUTHENTICATED']);
    });

    it('signs out: access-control ends the session of the cookie, and the cookie is cleared', async () => {
      const signedIn = cookieOf(await post('login', { body: { userId: 'bwe.user', password: 'right password' } }))!;
      const out = await post('logout', { cookie: signedIn });
      expect(out.status).toBe(204);
      expect(out.headers.get('set-cookie')).toMatch(/^cms_web_refresh=;/);
      expect(authCalls.at(-1)).toEqual({ path: '/api/v1/auth/logout', body: { refreshToken: signedIn.split('=')[1] } });
    });

    it('refuses a request another site makes the browser send', async () => {
      const crossSite = await post('refresh', {
        cookie: 'cms_web_refresh=refresh-1',
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expect([crossSite.status, ((await crossSite.json()) as any).code]).toEqual([403, 'CROSS_SITE_REQUEST']);
      const otherOrigin = await fetch(`${baseUrl}/api/web-session/logout`, {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
      });
      expect(otherOrigin.status).toBe(403);
      // A form, which another site can make a browser post without asking, is not JSON.
      const form = await fetch(`${baseUrl}/api/web-session/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'userId=bwe.user&password=right+password',
      });
      expect([form.status, ((await form.json()) as any).code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });
  });
});
