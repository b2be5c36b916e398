import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateDemoMeterPoints } from '@cms/demo-data';
import { api, DEMO_PASSWORD, gatewayUrl, isoToDead, signIn } from './support/api';
import { launchChromium } from './support/browser';
import { resetTokenIn, waitForMailTo } from './support/mail';
import { unusedMeterPoints } from './support/meter-points';
import { checkAndSaveScreen, newBrowserPage } from './support/web-browser';

/**
 * The web app's administration and account screens in Debian's Chromium against the whole stack
 * (issue 14): a Local Security Officer of Kestrel Gas & Power creates a user, who signs in with the
 * temporary password and chooses their own; the user edits their details and alert emails, finds
 * an alternative address with the postcode finder, signs out everywhere, forgets their password and
 * resets it from the emailed link; the LSO sets the user's roles, suspends and reinstates them,
 * emails them a reset link, deletes another user, and registers, rotates and revokes an API client;
 * the CDSP reads its dashboard and downloads the contact list as CSV. Every screen passes axe at
 * WCAG 2.2 AA and is saved as a screenshot in reports/web-ui (`admin-…`).
 */
describe('the web UI: administration, account and dashboard', () => {
  const stamp = Date.now().toString(36);
  const userId = `kgp.web-${stamp}`;
  const email = `${userId}@kestrel-gas.example`;
  const firstPassword = 'Heather-Kettle-Harbour-2026';
  const resetPassword = 'Lantern-Moorland-Quay-2027';
  const postcode = generateDemoMeterPoints()[7].address.postcode;
  // A contact of this file's own, so that the CDSP's figures and export have one at least.
  const [live] = unusedMeterPoints(__filename, { shipper: 'KGP', status: 'LI', network: 'IGT', count: 1 });
  const faults: string[] = [];
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let lso: Page;
  let person: Page;
  let screen = 0;

  async function check(page: Page, name: string): Promise<void> {
    const saved = `admin-${String(++screen).padStart(2, '0')}-${name}`;
    expect(await checkAndSaveScreen(page, saved)).toEqual({ screen: saved, violations: [] });
  }

  async function open(): Promise<Page> {
    const { context, page } = await newBrowserPage(browser, faults, new URL(gatewayUrl()).origin);
    contexts.push(context);
    await page.goto(`${gatewayUrl()}/`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    return page;
  }

  async function signInAs(page: Page, who: string, password: string, landing: string): Promise<void> {
    await page.getByLabel('User id').fill(who);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: landing }).waitFor();
  }

  const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
  const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  // Installing the browser, where it is missing, takes a few minutes.
  beforeAll(async () => {
    browser = await launchChromium((line) => process.stdout.write(`web-ui-administration: ${line}\n`));
  }, 900_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
    await browser?.close();
  });

  it('lets an LSO create a user, refusing a form the API would refuse, and shows the temporary password once', async () => {
    lso = await open();
    await signInAs(lso, 'kgp.lso', DEMO_PASSWORD, "My organisation's contacts");
    await lso.getByRole('link', { name: 'Users and API clients' }).click();
    await heading(lso, 'Users');
    await lso.locator('table tbody tr').filter({ hasText: 'kgp.lso' }).first().waitFor();
    await check(lso, 'users');

    await lso.getByRole('link', { name: 'Create a user' }).click();
    await heading(lso, 'Create a user');
    await lso.getByLabel('User id', { exact: true }).fill('Not A User Id');
    await lso.getByRole('button', { name: 'Create user' }).click();
    const summary = lso.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    for (const field of ['userId', 'displayName', 'email', 'roles'])
      await expect(lso.locator(`#field-${field}-error`).textContent()).resolves.toMatch(/\w/);
    await check(lso, 'new-user-refused');

    await lso.getByLabel('User id', { exact: true }).fill(userId);
    await lso.getByLabel('Name', { exact: true }).fill('Rowan Ellis');
    await lso.getByLabel('Email address').fill(email);
    await lso.getByRole('checkbox', { name: 'Contact user' }).check();
    await lso.getByRole('button', { name: 'Create user' }).click();
    await heading(lso, 'User created');
    const temporary = await lso.locator('[data-temporary-password]').getAttribute('data-temporary-password');
    expect(temporary).toMatch(/\S{12,}/);
    await check(lso, 'user-created');
    const created = await api('GET', `/api/v1/users/${userId}`, { token: await signIn('kgp.lso') });
    expect(created.body).toMatchObject({ userId, displayName: 'Rowan Ellis', email, roles: ['CONTACT_USER'], mustChangePassword: true });

    // The issue's journey: the new user signs in with it and chooses their password.
    person = await open();
    await signInAs(person, userId, temporary!, 'Choose your password');
    await person.getByLabel('Temporary password').fill(temporary!);
    await person.getByLabel('New password', { exact: true }).fill(firstPassword);
    await person.getByLabel('New password again').fill(firstPassword);
    await person.getByRole('button', { name: 'Change password' }).click();
    await heading(person, "My organisation's contacts");
    await expect(person.locator('header').textContent()).resolves.toContain(`Rowan Ellis (${userId})`);
  });

  it('lets the user change their own details and choose which alerts come by email', async () => {
    await person.getByRole('link', { name: 'Your account' }).click();
    await heading(person, 'Your account');
    await person.getByLabel('Telephone (optional)').fill('not a number');
    await person.getByRole('button', { name: 'Save your details' }).click();
    await expect(person.locator('#field-telephone-error').textContent()).resolves.toMatch(/telephone number/);
    await person.getByLabel('Telephone (optional)').fill('0161 496 0123');
    await person.getByRole('button', { name: 'Save your details' }).click();
    await status(person, 'Your details are saved.');
    await check(person, 'account');

    await person.getByRole('link', { name: 'Choose which alerts come by email' }).click();
    await heading(person, 'Alerts by email');
    await person.getByRole('radio', { name: 'A contact is resolved: Also by email, in a daily digest' }).check();
    await person.getByRole('button', { name: 'Save choices' }).click();
    await status(person, 'Your choices are saved.');
    await check(person, 'alerts-by-email');

    const token = (await api('POST', '/api/v1/auth/login', { json: { userId, password: firstPassword } })).body.accessToken;
    expect((await api('GET', '/api/v1/me', { token })).body).toMatchObject({ telephone: '0161 496 0123' });
    expect((await api('GET', '/api/v1/me/notification-preferences', { token })).body.email).toMatchObject({ CONTACT_RESOLVED: 'DAILY_DIGEST' });
  });

  it('finds an alternative address by postcode, showing a malformed postcode’s refusal by the field', async () => {
    await person.getByRole('link', { name: 'Log a contact' }).click();
    await heading(person, 'Log a contact');
    await person.getByRole('radio', { name: 'Dead to Live (DTL)' }).check();
    await person.getByLabel('Postcode to find').fill('NOT-A-POSTCODE');
    await person.getByRole('button', { name: 'Find address' }).click();
    const error = person.locator('#field-finder-postcode-error');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('The postcode must be a UK postcode');
    await expect(person.locator('main').textContent()).resolves.toMatch(/Trace id for support: [0-9a-f]{32}/);
    await check(person, 'postcode-finder-refused');

    await person.getByLabel('Postcode to find').fill(postcode.toLowerCase());
    await person.getByRole('button', { name: 'Find address' }).click();
    const addresses = person.getByLabel(new RegExp(`^Addresses at ${postcode} \\(\\d+\\)$`));
    await addresses.waitFor();
    const listed = (await api('GET', `/api/v1/addresses?postcode=${encodeURIComponent(postcode)}`, { token: await signIn('kgp.user') })).body;
    const chosen = listed.items[0];
    await addresses.selectOption(chosen.udprn);
    await person.getByRole('button', { name: 'Use this address' }).click();
    await expect(person.getByLabel('Postcode', { exact: true }).inputValue()).resolves.toBe(postcode);
    await expect(person.getByLabel('Post town').inputValue()).resolves.toBe(chosen.postTown);
    await person.getByText('The address below is the delivery point chosen').waitFor();
    await check(person, 'postcode-finder-chosen');
  });

  it('signs the user out everywhere: this browser and their other device', async () => {
    const otherDevice = await open();
    await signInAs(otherDevice, userId, firstPassword, "My organisation's contacts");

    await person.getByRole('link', { name: 'Your account' }).click();
    await heading(person, 'Your account');
    await person.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = person.getByRole('dialog', { name: 'Sign out everywhere?' });
    await dialog.waitFor();
    await check(person, 'sign-out-everywhere');
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await heading(person, 'Sign in');
    await status(person, 'You are signed out everywhere');

    await otherDevice.reload();
    await heading(otherDevice, 'Sign in');
  });

  it('lets a user who forgot their password choose a new one from the emailed link', async () => {
    const page = await open();
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await heading(page, 'Forgotten your password?');
    await check(page, 'forgotten-password');
    await page.getByLabel('User id').fill(userId);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await heading(page, 'Check your email');
    await check(page, 'check-your-email');

    const token = resetTokenIn(await waitForMailTo(email));
    await page.goto(`${gatewayUrl()}/reset-password?token=${token}`);
    await heading(page, 'Choose a new password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.locator('#field-newPassword-error').textContent()).resolves.toMatch(/\w/);
    await check(page, 'reset-password-refused');
    await page.getByLabel('New password', { exact: true }).fill(resetPassword);
    await page.getByLabel('New password again').fill(resetPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await heading(page, 'Sign in');
    await status(page, 'Your password is changed');
    await signInAs(page, userId, resetPassword, "My organisation's contacts");
    expect((await api('POST', '/api/v1/auth/login', { json: { userId, password: firstPassword } })).status).toBe(401);
  });

  it('lets the LSO set the user’s roles, suspend and reinstate them, and email them a reset link', async () => {
    await lso.goto(`${gatewayUrl()}/user?id=${userId}`);
    await heading(lso, `Rowan Ellis (${userId})`);
    await lso.getByRole('checkbox', { name: 'Supervisor' }).check();
    await lso.getByRole('button', { name: 'Save roles' }).click();
    await status(lso, 'The roles are saved');
    await lso.getByRole('button', { name: 'Suspend' }).click();
    await status(lso, 'is suspended');
    expect((await api('POST', '/api/v1/auth/login', { json: { userId, password: resetPassword } })).status).toBe(401);
    await lso.getByRole('button', { name: 'Reinstate' }).click();
    await status(lso, 'is reinstated');
    await lso.getByRole('button', { name: 'Email a password reset link' }).click();
    await status(lso, `A link to choose a new password is on its way to ${email}`);
    await check(lso, 'user');
    const user = (await api('GET', `/api/v1/users/${userId}`, { token: await signIn('kgp.lso') })).body;
    expect(user).toMatchObject({ status: 'ACTIVE', roles: expect.arrayContaining(['CONTACT_USER', 'SUPERVISOR']) });
  });

  it('lets the LSO delete a user after confirming', async () => {
    const leaver = `kgp.leaver-${stamp}`;
    const made = await api('POST', '/api/v1/users', {
      token: await signIn('kgp.lso'),
      json: { userId: leaver, displayName: 'Sam Leaver', email: `${leaver}@kestrel-gas.example`, roles: ['CONTACT_USER'] },
    });
    expect(made.status).toBe(201);
    await lso.goto(`${gatewayUrl()}/user?id=${leaver}`);
    await heading(lso, `Sam Leaver (${leaver})`);
    await lso.getByRole('button', { name: 'Delete user' }).click();
    const dialog = lso.getByRole('dialog', { name: `Delete ${leaver}?` });
    await dialog.waitFor();
    await check(lso, 'delete-user');
    await dialog.getByRole('button', { name: `Delete ${leaver}` }).click();
    await heading(lso, 'Users');
    expect((await api('GET', `/api/v1/users/${leaver}`, { token: await signIn('kgp.lso') })).status).toBe(404);
  });

  it('lets the LSO register an API client, give it a new secret, and revoke it, each secret shown once', async () => {
    await lso.getByRole('link', { name: 'API clients of partner systems' }).click();
    await heading(lso, 'API clients');
    const name = `KGP billing ${stamp}`;
    await lso.getByRole('button', { name: 'Register client' }).click();
    await expect(lso.locator('#field-name-error').textContent()).resolves.toMatch(/\w/);
    await lso.getByLabel('Name', { exact: true }).fill(name);
    await lso.getByRole('checkbox', { name: 'contacts:read' }).check();
    await lso.getByRole('button', { name: 'Register client' }).click();
    const registered = lso.getByRole('dialog', { name: 'API client registered' });
    await registered.waitFor();
    const first = (await registered.locator('[data-client-secret]').getAttribute('data-client-secret'))!;
    const clientId = (await registered.locator('dd code').first().textContent())!;
    await check(lso, 'api-client-registered');
    await registered.getByRole('button', { name: 'I have copied it' }).click();
    await check(lso, 'api-clients');

    const basic = (secret: string) => `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
    const token = (secret: string) =>
      api('POST', '/api/v1/auth/token', { json: { grant_type: 'client_credentials' }, headers: { authorization: basic(secret) } });
    expect((await token(first)).status).toBe(200);

    await lso.getByRole('button', { name: `New secret for ${name}` }).click();
    await lso.getByRole('dialog', { name: `A new secret for ${name}?` }).getByRole('button', { name: 'Make a new secret' }).click();
    const rotated = lso.getByRole('dialog', { name: 'The new client secret' });
    await rotated.waitFor();
    const second = (await rotated.locator('[data-client-secret]').getAttribute('data-client-secret'))!;
    expect(second).not.toBe(first);
    await rotated.getByRole('button', { name: 'I have copied it' }).click();
    expect([(await token(first)).status, (await token(second)).status]).toEqual([401, 200]);

    await lso.getByRole('button', { name: `Revoke ${name}` }).click();
    await lso.getByRole('dialog', { name: `Revoke ${name}?` }).getByRole('button', { name: 'Revoke' }).click();
    await status(lso, `${name} is revoked`);
    expect((await token(second)).status).toBe(401);
  });

  it('shows the CDSP its dashboard, as charts with their figures as tables, for the period it chooses', async () => {
    const logged = await api('POST', '/api/v1/contacts', { token: await signIn('kgp.user'), json: isoToDead(live.mprn) });
    expect(logged.status).toBe(201);
    const cdsp = await open();
    await signInAs(cdsp, 'cds.agent', DEMO_PASSWORD, "My organisation's contacts");
    await cdsp.getByRole('link', { name: 'Dashboard' }).click();
    await heading(cdsp, 'Contacts dashboard');
    await cdsp.getByRole('img', { name: 'Contacts logged per week, by type' }).waitFor();
    await check(cdsp, 'dashboard');

    const to = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const from = new Date(Date.now() - 27 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const fromGroup = cdsp.getByRole('group', { name: 'From', exact: true });
    const [year, month, day] = from.split('-');
    await fromGroup.getByLabel('Day').fill(String(Number(day)));
    await fromGroup.getByLabel('Month').fill(String(Number(month)));
    await fromGroup.getByLabel('Year').fill(year);
    await cdsp.getByRole('button', { name: 'Show the figures' }).click();
    await cdsp.waitForURL((url) => url.searchParams.get('from') === from);
    const ukDate = (date: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
    await cdsp.getByRole('heading', { level: 2, name: `${ukDate(from)} to ${ukDate(to)}` }).waitFor();
    const figures = (await api('GET', `/api/v1/contacts/statistics?from=${from}&to=${to}`, { token: await signIn('cds.agent') })).body;
    const total = figures.loggedPerWeek.reduce((sum: number, row: { contacts: number }) => sum + row.contacts, 0);
    expect(total).toBeGreaterThan(0);
    await expect(cdsp.locator('dl.summary dd').first().textContent()).resolves.toBe(String(total));
    const weekly = cdsp.getByRole('figure', { name: 'Contacts logged per week, by type' });
    await weekly.getByText('Show the figures as a table').click();
    const weeks = new Set(figures.loggedPerWeek.map((row: { weekStarting: string }) => row.weekStarting)).size;
    await expect(weekly.locator('tbody tr').count()).resolves.toBe(weeks);
    await check(cdsp, 'dashboard-period');

    // The contact list of a filter, every page, as the CSV the API writes.
    await cdsp.goto(`${gatewayUrl()}/contacts?type=ISO`);
    await heading(cdsp, "My organisation's contacts");
    const download = cdsp.waitForEvent('download');
    await cdsp.getByRole('button', { name: /Download these contacts as CSV/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await file.path())!, 'utf8');
    const fromApi = await fetch(`${gatewayUrl()}/api/v1/contacts?type=ISO`, {
      headers: { accept: 'text/csv', authorization: `Bearer ${await signIn('cds.agent')}` },
    });
    expect(csv).toBe(await fromApi.text());
    expect(csv).toContain(logged.body.crn);
    await status(cdsp, `Downloaded ${file.suggestedFilename()}`);
    await check(cdsp, 'contacts-exported');
  });

  it('met no script error or policy violation, and asked nothing of any other site', () => {
    expect(faults).toEqual([]);
  });
});
