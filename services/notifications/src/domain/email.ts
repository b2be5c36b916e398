import { londonStartOfDay, londonToday, type WorkingDayCalendar } from '@cms/gas-market';
import { ALERT_KINDS, contactPath, type AlertKind } from './alert';

/**
 * How a user wants each kind of alert besides the notifications area (docs/domain.md "Alerts":
 * "Each user chooses which also come by email (at once or a daily digest)").
 */
export const EMAIL_DELIVERIES = ['IN_APP', 'IMMEDIATE', 'DAILY_DIGEST'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

export type EmailPreferences = Record<AlertKind, EmailDelivery>;

/** Nothing by email until the user asks for it. */
export function defaultPreferences(): EmailPreferences {
  return Object.fromEntries(ALERT_KINDS.map((kind) => [kind, 'IN_APP'])) as EmailPreferences;
}

/**
 * When the next daily digest goes: at `hour` o'clock in Great Britain on the first working day
 * (the calendar's) whose digest time is after `now`. Weekends and bank holidays have none; what
 * came then waits for the next working day's.
 */
export function nextDigestAt(now: Date, hour: number, calendar: WorkingDayCalendar): Date {
  let day = londonToday(now);
  for (;;) {
    if (calendar.isWorkingDay(day)) {
      const at = new Date(londonStartOfDay(day).getTime() + hour * 3_600_000);
      if (at.getTime() > now.getTime()) return at;
    }
    day = calendar.addWorkingDays(day, 1);
  }
}

/** An alert as an email shows it. */
export interface EmailedAlert {
  kind: AlertKind;
  crn: string;
  title: string;
  occurredAt: Date;
}

export interface OutgoingEmail {
  subject: string;
  text: string;
  html: string;
  /** The page where the user changes what comes by email (RFC 2369 List-Unsubscribe). */
  unsubscribeUrl: string;
}

/** Where the web application shows a contact and the email preferences. */
export interface EmailLinks {
  webAppUrl: string;
}

/** One alert, at once: its title, a link to its contact, a way to stop these. */
export function alertEmail(alert: EmailedAlert, links: EmailLinks): OutgoingEmail {
  const contactUrl = new URL(contactPath(alert.crn), links.webAppUrl).toString();
  const unsubscribeUrl = unsubscribeUrlOf(alert.kind, links);
  return {
    subject: `CMS: ${alert.title}`,
    text: `${alert.title}\n\nOpen the contact: ${contactUrl}\n\n--\nYou receive this because you chose to have these alerts by email. Stop them: ${unsubscribeUrl}\n`,
    html:
      `<p>${escapeHtml(alert.title)}</p>\n<p><a href="${escapeHtml(contactUrl)}">Open contact ${escapeHtml(alert.crn)}</a></p>\n` +
      `<hr>\n<p><small>You receive this because you chose to have these alerts by email. <a href="${escapeHtml(unsubscribeUrl)}">Stop them</a>.</small></p>\n`,
    unsubscribeUrl,
  };
}

/** The day's alerts of the kinds a user wants as a digest, oldest first, each with its contact's link. */
export function digestEmail(alerts: readonly EmailedAlert[], links: EmailLinks): OutgoingEmail {
  const unsubscribeUrl = unsubscribeUrlOf(undefined, links);
  const lines = alerts.map((alert) => ({ alert, url: new URL(contactPath(alert.crn), links.webAppUrl).toString() }));
  return {
    subject: `CMS: your daily digest, ${alerts.length} alert${alerts.length === 1 ? '' : 's'}`,
    text:
      `Your alerts since the last digest:\n\n${lines.map(({ alert, url }) => `- ${alert.title}\n  ${url}`).join('\n')}\n\n` +
      `--\nYou receive this because you chose a daily digest. Change or stop it: ${unsubscribeUrl}\n`,
    html:
      `<p>Your alerts since the last digest:</p>\n<ul>\n${lines.map(({ alert, url }) => `<li><a href="${escapeHtml(url)}">${escapeHtml(alert.title)}</a></li>`).join('\n')}\n</ul>\n` +
      `<hr>\n<p><small>You receive this because you chose a daily digest. <a href="${escapeHtml(unsubscribeUrl)}">Change or stop it</a>.</small></p>\n`,
    unsubscribeUrl,
  };
}

function unsubscribeUrlOf(kind: AlertKind | undefined, links: EmailLinks): string {
  const url = new URL('/settings/notifications', links.webAppUrl);
  if (kind) url.searchParams.set('unsubscribe', kind);
  return url.toString();
}

/** Text a person wrote (a reason in a title) is never markup in an email. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
