import type { Page } from 'playwright-core';
import { demoOrganisation } from '@cms/demo-data';
import { londonToday } from '@cms/gas-market';
import { api, daysAgo, signIn } from './support/api';
import { contactUntil, once404Passes } from './support/contacts';
import { unusedMeterPoints } from './support/meter-points';
import { fillDate, fillDtl, LONDON, openSignedIn, openWebUi, type WebUi } from './support/web-ui';

/**
 * An investigation worked in the browser, three people at once, each in their own browser: a
 * shipper (Thistle Gas Supply, `tgs.user`) logs a DTL and sees the CRN pop-up; the CDSP agent finds
 * it in the work queue, takes it and asks the shipper a DC, which the shipper answers on its open
 * screen; the agent refers a site visit, which the transporter's user (Northern Gas Networks,
 * `ngn.user`) finds in its referrals, accepts and records the finding of; the agent resolves the
 * contact VALID, and the shipper's bell counts the alert live, without a reload: opening it shows
 * the contact's whole history. The meter point is TGS's on NGN's network, a pair no other e2e file
 * uses. Every new screen passes axe at WCAG 2.2 AA and is saved under reports/web-ui.
 */
describe('an investigation in the web UI', () => {
  const [point] = unusedMeterPoints(__filename, { shipper: 'TGS', transporter: 'NGN', status: 'DE', network: 'DN', count: 1 });
  const transporterUser = `${point.transporter.toLowerCase()}.user`;
  const shipperName = demoOrganisation('TGS').name;
  const transporterName = demoOrganisation(point.transporter).name;
  const cdspName = demoOrganisation('CDS').name;
  let ui: WebUi;
  let shipper: Page;
  let agent: Page;
  let transporter: Page;
  let crn: string;

  // Installing the browser, where it is missing, takes a few minutes.
  beforeAll(async () => {
    ui = await openWebUi('investigation-', (line) => process.stdout.write(`web-ui-investigation: ${line}\n`));
    [shipper, agent, transporter] = await Promise.all([ui.newPage(), ui.newPage(), ui.newPage()]).then((opened) =>
      opened.map(({ page }) => page),
    );
  }, 900_000);

  afterAll(async () => {
    await ui?.close();
  });

  /** The notice a command leaves where the focus goes. */
  const done = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  /** The contact's screen, read (its heading shows while it loads). */
  const contactHeading = async (page: Page) => {
    await page.getByRole('heading', { level: 1, name: `Contact ${crn}` }).waitFor();
    await page.getByRole('list', { name: 'History, oldest first' }).waitFor();
  };
  const unreadOn = async (page: Page) => Number(await page.locator('a.bell').getAttribute('data-unread'));
  /** GET as the agent once the service behind it has heard of the contact (by event). */
  const agentReads = async (path: string) => {
    const token = await signIn('cds.agent');
    const answer = await once404Passes(() => api('GET', path, { token }));
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('a shipper logs a DTL and sees the CRN pop-up, then its contact with the bell in the shell', async () => {
    await openSignedIn(shipper, 'tgs.user');
    await shipper.getByRole('link', { name: 'Log a contact' }).click();
    await fillDtl(shipper, point.mprn, { readDate: daysAgo(2), telephone: '0161 496 0000' });
    await shipper.getByRole('button', { name: 'Log contact' }).click();
    const dialog = shipper.getByRole('dialog', { name: 'Contact logged' });
    crn = (await dialog.locator('.crn').textContent())!.trim();
    expect(crn).toMatch(/^C\d{9}$/);
    await dialog.getByRole('link', { name: 'View the contact' }).click();
    await contactHeading(shipper);
    // The originator may take its side of it, or withdraw it; nothing of the CDSP's.
    const commands = shipper.getByRole('region', { name: 'What you can do' });
    await commands.waitFor();
    await expect(commands.getByRole('button').allTextContents()).resolves.toEqual([
      `Take it for ${shipperName}`,
      'Withdraw the contact',
    ]);
    await shipper.getByRole('link', { name: /^Alerts/ }).waitFor();
    await ui.checkScreen('shipper-contact', shipper);
  });

  it('the CDSP agent finds it in the work queue and takes it for investigation', async () => {
    await openSignedIn(agent, 'cds.agent');
    await agent.getByRole('link', { name: 'Work queue' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Work queue' }).waitFor();
    await expect(agent.getByRole('link', { name: 'Not yet taken' }).getAttribute('aria-current')).resolves.toBe('page');
    await agent.getByLabel('CRN or MPRN').fill(crn);
    await agent.getByRole('button', { name: 'Find' }).click();
    await agent.getByRole('table').getByRole('link', { name: crn }).waitFor();
    await ui.checkScreen('work-queue', agent);

    await agent.getByRole('table').getByRole('link', { name: crn }).click();
    await contactHeading(agent);
    await agent.getByRole('button', { name: 'Take it for investigation' }).click();
    await done(agent, 'You took the contact for investigation.');
    await agent.locator('.tag', { hasText: 'Under investigation' }).waitFor();

    // Its own open contacts, now: the "Mine" queue has it.
    await agent.getByRole('link', { name: 'Work queue' }).click();
    await agent.getByRole('link', { name: 'Mine' }).click();
    await agent.getByLabel('CRN or MPRN').fill(crn);
    await agent.getByRole('button', { name: 'Find' }).click();
    await agent.getByRole('table').getByRole('link', { name: crn }).click();
    await contactHeading(agent);
    await ui.checkScreen('agent-contact-taken', agent);
  });

  it('the agent asks the shipper a DC, with each missing answer named by its field first', async () => {
    // The clarifications service hears of the contact by event.
    await agentReads(`/api/v1/contacts/${crn}/clarifications`);
    await agent.getByRole('button', { name: 'Ask a data clarification (DC)' }).click();
    await agent.getByRole('button', { name: 'Ask the data clarification' }).click();
    const summary = agent.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary.textContent()).resolves.toContain('Enter the question.');
    await expect(agent.getByLabel('Question').getAttribute('aria-invalid')).resolves.toBe('true');
    await ui.checkScreen('agent-dc-refused', agent);

    await agent.getByRole('radio', { name: `The originator, ${shipperName}` }).check();
    await agent.getByLabel('Question').fill('Please send a photo of the meter showing the read.');
    await agent.getByRole('button', { name: 'Ask the data clarification' }).click();
    await done(agent, `You asked ${shipperName} a DC`);
    const thread = agent.getByRole('article', { name: `Data clarification (DC) to ${shipperName}, the originator` });
    await thread.getByText(`Waiting on ${shipperName}`).waitFor();
    await ui.checkScreen('agent-dc-asked', agent);
  });

  it('the shipper’s open screen shows the DC live, and the shipper answers it', async () => {
    // No reload: the alert comes by the stream, and the contact is read again.
    await shipper.getByRole('button', { name: 'Reply to the DC' }).waitFor();
    expect(await unreadOn(shipper)).toBeGreaterThan(0);
    await shipper.getByRole('button', { name: 'Reply to the DC' }).click();
    await shipper.getByLabel('Your reply').fill('Photo sent to your evidence store, reference 4471.');
    await shipper.getByRole('button', { name: 'Send the reply' }).click();
    await done(shipper, `Your reply is sent: it is ${cdspName}’s turn.`);
    const thread = shipper.getByRole('article', { name: /^Data clarification \(DC\)/ });
    await thread.getByText(`Waiting on ${cdspName}`).waitFor();
    await ui.checkScreen('shipper-replied', shipper);
  });

  it('the agent sees the answer and refers the contact for a site visit', async () => {
    // Live too: the answer alerts the agent who asked, and the thread is read again.
    await agent
      .getByRole('list', { name: 'Messages, oldest first' })
      .getByText('Photo sent to your evidence store, reference 4471.')
      .waitFor();
    await agentReads(`/api/v1/contacts/${crn}/site-visits`);
    await agent.getByRole('button', { name: `Refer to ${transporterName} for a site visit` }).click();
    await agent.getByLabel('What to look at on site (optional)').fill('Check whether gas is flowing through the meter.');
    await agent.getByRole('button', { name: 'Refer for a site visit', exact: true }).click();
    await done(agent, `You referred the contact to ${transporterName} for a site visit.`);
    await agent.getByRole('article', { name: `Site visit referred to ${transporterName}` }).getByText('Referred: waiting for an answer').waitFor();
    // One open visit at a time: no second referral is offered.
    expect(await agent.getByRole('button', { name: /for a site visit$/ }).count()).toBe(0);
    await ui.checkScreen('agent-referred', agent);
  });

  it('the transporter finds it in its referrals, accepts it and records the finding', async () => {
    const [visit] = (await agentReads(`/api/v1/contacts/${crn}/site-visits`)).items;
    await openSignedIn(transporter, transporterUser);
    await transporter.getByRole('link', { name: 'Referrals' }).click();
    await transporter.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
    await transporter.getByLabel('Status').selectOption('REFERRED');
    await fillDate(transporter, 'Finding due from', visit.dueOn);
    await fillDate(transporter, 'Finding due by', visit.dueOn);
    await transporter.getByRole('button', { name: 'Apply filters' }).click();
    expect(new URL(transporter.url()).search).toBe(`?status=REFERRED&dueFrom=${visit.dueOn}&dueTo=${visit.dueOn}`);
    await transporter.getByRole('table').getByRole('link', { name: crn }).waitFor();
    await ui.checkScreen('referrals', transporter);

    // The referral makes the transporter one of the contact's organisations, by event.
    await contactUntil(transporterUser, crn, () => true);
    await transporter.getByRole('table').getByRole('link', { name: crn }).click();
    await contactHeading(transporter);
    await transporter.getByRole('button', { name: 'Accept the site visit' }).click();
    await done(transporter, 'You accepted the site visit');
    await transporter.getByRole('button', { name: 'Record the finding' }).click();
    await transporter.getByRole('radio', { name: 'Yes: confirmed Live' }).check();
    await fillDate(transporter, 'Day of the visit', londonToday());
    await transporter.getByLabel('What was found on site').fill('Meter in place, dials advancing: gas in use.');
    await transporter.getByLabel('The meter’s condition (optional)').fill('In use');
    await ui.checkScreen('transporter-finding-form', transporter);
    await transporter.getByRole('button', { name: 'Send the finding' }).click();
    await done(transporter, 'You recorded the finding');
    await transporter.getByText('Finding reported', { exact: true }).waitFor();
    await ui.checkScreen('transporter-finding-recorded', transporter);
  });

  it('the agent resolves it VALID, and the shipper’s bell shows the alert live, without a reload', async () => {
    const before = await unreadOn(shipper);
    await shipper.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });

    await agent.getByText('Finding reported', { exact: true }).waitFor();
    await agent.getByRole('button', { name: 'Resolve the contact' }).click();
    await agent.getByRole('radio', { name: 'Valid', exact: true }).check();
    await agent.getByLabel('Reason').selectOption({ label: 'Gas flow confirmed (meter read or site visit)' });
    await agent.getByLabel('Note (optional)').fill('Confirmed by the site visit.');
    await ui.checkScreen('agent-resolve-form', agent);
    await agent.getByRole('button', { name: 'Send the resolution' }).click();
    await done(agent, 'You resolved the contact VALID.');
    await agent.locator('.tag', { hasText: 'Resolved' }).waitFor();

    const deadline = Date.now() + 30_000;
    while ((await unreadOn(shipper)) <= before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await unreadOn(shipper)).toBeGreaterThan(before);
    await expect(shipper.getByRole('link', { name: /^Alerts/ }).textContent()).resolves.toMatch(/Alerts\d+ unread/);
    expect(await shipper.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('the shipper opens the alert: the contact, resolved, with its whole history', async () => {
    await shipper.getByRole('link', { name: /^Alerts/ }).click();
    await shipper.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const resolved = shipper.getByRole('link', { name: `Contact ${crn} was resolved VALID: Gas flow confirmed (meter read or site visit)` });
    await resolved.first().waitFor();
    await ui.checkScreen('alerts', shipper);

    await resolved.first().click();
    await contactHeading(shipper);
    await shipper.locator('.tag', { hasText: 'Resolved' }).waitFor();
    const history = shipper.getByRole('list', { name: 'History, oldest first' }).locator(':scope > li');
    const entry = (title: string) => history.filter({ has: shipper.getByRole('heading', { name: title, exact: true }) });
    for (const title of [
      'DTL logged',
      'Assigned to cds.agent',
      `DC asked of ${shipperName}`,
      'DC message',
      `Referred to ${transporterName} for a site visit`,
      'Site visit accepted',
      'Site visit finding: confirmed',
      'Resolved VALID',
    ]) {
      await entry(title).first().waitFor();
    }
    // Each with who and when: the shipper's answer, in London time.
    const contact = await contactUntil('tgs.user', crn, (read) => read.status === 'RESOLVED');
    const answer = contact.history.find((item: { action: string }) => item.action === 'CLARIFICATION_MESSAGE');
    await expect(entry('DC message').first().textContent()).resolves.toContain(
      `${LONDON.format(new Date(answer.at))} · tgs.user, ${shipperName}`,
    );
    await ui.checkScreen('shipper-contact-resolved', shipper);
  });

  it('marks every alert read, and the bell counts none', async () => {
    await shipper.getByRole('link', { name: /^Alerts/ }).click();
    await shipper.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    // The DC's alert was never opened: it is still unread.
    await shipper.getByRole('button', { name: 'Mark all as read' }).click();
    await shipper.getByText('You have no unread alerts.').waitFor();
    await shipper.locator('a.bell[data-unread="0"]').waitFor();
  });

  it('asked nothing of any other site, and met no script error or policy violation', () => {
    expect(ui.faults).toEqual([]);
  });
});
