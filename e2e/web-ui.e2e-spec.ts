import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { demoOrganisation } from '@cms/demo-data';
import { api, daysAgo, gatewayUrl, signIn } from './support/api';
import { unusedMeterPoints } from './support/meter-points';
import { fillDtl, LONDON, openWebUi, signInThroughPage, type WebUi } from './support/web-ui';

/**
 * The web app in Debian's Chromium against the whole stack: a shipper (Thistle Gas Supply,
 * `tgs.user`, whose contacts only the browser tests log) signs in, looks up a meter point, logs a DTL
 * and sees the CRN pop-up, has one refused and sees each reason by its field, finds the contact in
 * its organisation's list and opens its one-screen view; a new user chooses their password at first
 * sign-in. Every screen passes axe at WCAG 2.2 AA and is saved as a screenshot under reports/web-ui.
 */
const BUILD = resolve(__dirname, '../dist/web');
/** The bounds: the script a browser downloads, compressed, and the first load of the sign-in screen. */
const MAX_SCRIPT_GZIP_BYTES = 300 * 1024;
const MAX_FIRST_LOAD_MS = 2_000;

interface Storage {
  length: number;
}

describe('the web UI', () => {
  // Thistle Gas Supply's on SGN's network: web-ui-investigation.e2e-spec takes TGS's on NGN's.
  const [dead] = unusedMeterPoints(__filename, { shipper: 'TGS', transporter: 'SGN', status: 'DE', network: 'DN', count: 1 });
  const [live] = unusedMeterPoints(__filename, { shipper: 'TGS', status: 'LI', network: 'DN', count: 1 });
  let ui: WebUi;
  let context: BrowserContext;
  let page: Page;
  let crn: string;

  // Installing the browser, where it is missing, takes a few minutes.
  beforeAll(async () => {
    ui = await openWebUi('', (line) => process.stdout.write(`web-ui: ${line}\n`));
    ({ context, page } = await ui.newPage());
  }, 900_000);

  afterAll(async () => {
    await ui?.close();
  });

  const newPage = () => ui.newPage();
  const checkScreen = (name: string, on: Page = page) => ui.checkScreen(name, on);

  it('loads the sign-in screen first, small and fast, from this site alone, under its security policy', async () => {
    const scripts = readdirSync(join(BUILD, 'assets')).filter((file) => file.endsWith('.js'));
    const styles = readdirSync(join(BUILD, 'assets')).filter((file) => file.endsWith('.css'));
    const size = (files: string[]) =>
      files.reduce(
        (total, file) => ({
          raw: total.raw + readFileSync(join(BUILD, 'assets', file)).length,
          gzip: total.gzip + gzipSync(readFileSync(join(BUILD, 'assets', file))).length,
        }),
        { raw: 0, gzip: 0 },
      );
    const script = size(scripts);
    const style = size(styles);

    const started = Date.now();
    const answer = await page.goto(`${gatewayUrl()}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const firstLoadMs = Date.now() - started;
    // Run in the page (the browser's Navigation Timing), typed here without the DOM's types.
    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation' as never) as unknown as {
        domContentLoadedEventEnd: number;
        loadEventEnd: number;
      }[];
      return {
        domContentLoaded: Math.round(navigation.domContentLoadedEventEnd),
        load: Math.round(navigation.loadEventEnd),
      };
    });
    process.stdout.write(
      `web-ui: script ${(script.gzip / 1024).toFixed(1)} KB gzip (${(script.raw / 1024).toFixed(1)} KB, ${scripts.length} file), ` +
        `styles ${(style.gzip / 1024).toFixed(1)} KB gzip; first load to the sign-in screen ${firstLoadMs} ms ` +
        `(DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms)\n`,
    );
    expect(script.gzip).toBeLessThan(MAX_SCRIPT_GZIP_BYTES);
    expect(firstLoadMs).toBeLessThan(MAX_FIRST_LOAD_MS);

    const headers = answer!.headers();
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['cache-control']).toBe('no-cache');
    const asset = await api('GET', `/assets/${scripts[0]}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    await checkScreen('sign-in');
  });

  it('refuses a wrong password with the API’s message and its trace id', async () => {
    await signInThroughPage(page, 'tgs.user', 'not-the-password');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary.textContent()).resolves.toMatch(/Trace id for support: [0-9a-f]{32}/);
    await checkScreen('sign-in-refused');
  });

  it('signs the shipper in to its organisation’s contacts, keeping the refresh token out of the page’s reach', async () => {
    await signInThroughPage(page, 'tgs.user');
    await page.getByRole('heading', { level: 1, name: "My organisation's contacts" }).waitFor();
    await expect(page.locator('header').textContent()).resolves.toContain(`${demoOrganisation('TGS').name} (TGS)`);
    expect(new URL(page.url()).pathname).toBe('/contacts');
    // The refresh token is an HttpOnly cookie: no script sees it, and nothing is kept in storage.
    const storage = await page.evaluate(() => {
      const { document, localStorage, sessionStorage } = globalThis as unknown as {
        document: { cookie: string };
        localStorage: Storage;
        sessionStorage: Storage;
      };
      return [document.cookie, localStorage.length, sessionStorage.length];
    });
    expect(storage).toEqual(['', 0, 0]);
    const [cookie] = await context.cookies();
    expect(cookie).toEqual(
      expect.objectContaining({
        name: 'cms_web_refresh',
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/web-session',
      }),
    );
    await checkScreen('contacts');
  });

  it('looks up a meter point: its status, transporter, LDZ and address', async () => {
    await page.getByRole('link', { name: 'Log a contact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a contact' }).waitFor();
    await checkScreen('log-a-contact');
    const register = (await api('GET', `/api/v1/meter-points/${dead.mprn}`, { token: await signIn('tgs.user') })).body;

    await page.getByLabel('MPRN').fill(dead.mprn);
    await page.getByRole('button', { name: 'Find meter point' }).click();
    const panel = page.locator('.panel', { has: page.getByRole('heading', { name: `Meter point ${dead.mprn}` }) });
    await panel.waitFor();
    const shown = Object.fromEntries(
      await panel
        .locator('dt')
        .evaluateAll((terms) => terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])),
    );
    expect(shown).toEqual(
      expect.objectContaining({
        Status: `${register.status.name} (${register.status.code})${register.isolated ? ', isolated' : ''}`,
        Transporter: demoOrganisation(dead.transporter).name,
        LDZ: register.ldz,
        'Supply address': register.addressLabel,
        'Registered shipper': demoOrganisation('TGS').name,
      }),
    );
  });

  it('logs a DTL and shows the CRN in a pop-up', async () => {
    await fillDtl(page, dead.mprn, { readDate: daysAgo(2), telephone: '0161 496 0000' });
    await checkScreen('log-a-contact-filled');
    await page.getByRole('button', { name: 'Log contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Contact logged' });
    await dialog.waitFor();
    crn = (await dialog.locator('.crn').textContent())!.trim();
    expect(crn).toMatch(/^C\d{9}$/);
    await checkScreen('contact-logged-pop-up');
    const logged = await api('GET', `/api/v1/contacts/${crn}`, { token: await signIn('tgs.user') });
    expect(logged.body).toEqual(
      expect.objectContaining({ crn, type: 'DTL', mprn: dead.mprn, status: 'LOGGED', originatorUserId: 'tgs.user' }),
    );
  });

  it('shows every reason a contact is refused, each by its field', async () => {
    await page.getByRole('button', { name: 'Log another contact' }).click();
    await expect(page.getByLabel('MPRN').inputValue()).resolves.toBe('');
    // A DTL on a live meter point, with a read too old and a telephone that is none: the API's reasons, all at once.
    await fillDtl(page, live.mprn, { readDate: daysAgo(800), telephone: 'call me' });
    await page.getByRole('button', { name: 'Log contact' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();

    const recorded = await api('GET', `/api/v1/rejected-submissions?mprn=${live.mprn}&limit=1`, {
      token: await signIn('tgs.user'),
    });
    const reasons: { code: string; message: string; field?: string }[] = recorded.body.items[0].rejections;
    expect(reasons.map((reason) => reason.field)).toEqual(
      expect.arrayContaining(['mprn', 'dtlEvidence.meterRead.readDate', 'originatorContact.telephone']),
    );
    const summaryText = (await summary.textContent())!;
    expect(summaryText).toMatch(/Trace id for support: [0-9a-f]{32}/);
    for (const reason of reasons) {
      expect(summaryText).toContain(reason.message);
      if (reason.field)
        await expect(
          page.locator(`#field-${reason.field.replaceAll('.', '-')}-error`).textContent(),
        ).resolves.toContain(reason.message);
    }
    // Each field at fault is marked so for assistive technology too.
    await expect(page.getByLabel('MPRN').getAttribute('aria-invalid')).resolves.toBe('true');
    await checkScreen('contact-refused');
  });

  it('finds the contact in its organisation’s list, by its CRN', async () => {
    await page.getByRole('link', { name: "My organisation's contacts" }).click();
    await page.getByRole('heading', { level: 1, name: "My organisation's contacts" }).waitFor();
    await page.getByLabel('CRN or MPRN').fill(crn);
    const listed = page.waitForResponse(
      (response) => response.url().includes(`/api/v1/contacts?`) && response.url().includes(`crn=${crn}`),
    );
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect((await listed).status()).toBe(200);
    const rows = page.locator('table tbody tr');
    await rows.nth(1).waitFor({ state: 'detached' });
    await rows.first().getByRole('link', { name: crn }).waitFor();
    expect(await rows.count()).toBe(1);
    expect(new URL(page.url()).search).toBe(`?q=${crn}`);
    await checkScreen('contacts-by-crn');
  });

  it('opens the one-screen view of the contact: status, times in London, its history', async () => {
    await page.getByRole('link', { name: crn }).click();
    await page.getByRole('heading', { level: 1, name: `Contact ${crn}` }).waitFor();
    const contact = (await api('GET', `/api/v1/contacts/${crn}`, { token: await signIn('tgs.user') })).body;
    const main = (await page.locator('main').textContent())!;
    expect(main).toContain('Logged');
    expect(main).toContain(`${LONDON.format(new Date(contact.loggedAt))} by tgs.user, ${demoOrganisation('TGS').name}`);
    const history = page.getByRole('list', { name: 'History, oldest first' }).locator('li');
    await expect(history.first().textContent()).resolves.toContain('DTL logged');
    expect(await history.count()).toBe(contact.history.length);
    await checkScreen('contact');

    // A reload keeps the session: the page renews its access token from the refresh cookie.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Contact ${crn}` }).waitFor();
  });

  it('signs out: the session ends, and a reload asks to sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('makes a new user choose their password at first sign-in, showing the policy’s reasons by the field', async () => {
    const userId = `tgs.web-${Date.now().toString(36)}`;
    const created = await api('POST', '/api/v1/users', {
      token: await signIn('tgs.lso'),
      json: { userId, displayName: 'Rowan Ellis', email: `${userId}@thistle-gas.example`, roles: ['CONTACT_USER'] },
    });
    expect(created.status).toBe(201);
    const fresh = await newPage();
    await fresh.page.goto(`${gatewayUrl()}/`);
    await signInThroughPage(fresh.page, userId, created.body.temporaryPassword);
    await fresh.page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
    await checkScreen('choose-password', fresh.page);

    await fresh.page.getByLabel('Temporary password').fill(created.body.temporaryPassword);
    await fresh.page.getByLabel('New password', { exact: true }).fill('short');
    await fresh.page.getByLabel('New password again').fill('short');
    await fresh.page.getByRole('button', { name: 'Change password' }).click();
    await expect(fresh.page.locator('#field-newPassword-error').textContent()).resolves.toMatch(/\w/);
    await checkScreen('choose-password-refused', fresh.page);

    const chosen = 'Heather-Kettle-Harbour-2026';
    await fresh.page.getByLabel('Temporary password').fill(created.body.temporaryPassword);
    await fresh.page.getByLabel('New password', { exact: true }).fill(chosen);
    await fresh.page.getByLabel('New password again').fill(chosen);
    await fresh.page.getByRole('button', { name: 'Change password' }).click();
    await fresh.page.getByRole('heading', { level: 1, name: "My organisation's contacts" }).waitFor();
    await expect(fresh.page.locator('header').textContent()).resolves.toContain(`Rowan Ellis (${userId})`);
    await fresh.context.close();
  });

  it('was built on the API types of the very document the gateway serves', () => {
    // tools/web/api-schema.ts builds the document from the services without running them; here, from the running gateway's.
    const live = spawnSync(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/web/api-schema.ts', 'print', `${gatewayUrl()}/api/docs-json`],
      {
        cwd: resolve(__dirname, '..'),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    expect([live.status, live.stderr]).toEqual([0, '']);
    expect(live.stdout).toBe(readFileSync(resolve(__dirname, '../web/src/api/schema.d.ts'), 'utf8'));
  });

  it('asked nothing of any other site, and met no script error or policy violation', () => {
    expect(ui.faults).toEqual([]);
  });
});
