import { SiteVisitRefused } from './site-visit-refused.error';
import type { SiteVisitStatus } from './site-visit';

export type SiteVisitCommand = 'ACCEPT' | 'DECLINE' | 'REPORT_FINDING' | 'CANCEL';

/**
 * The site visit's state machine, every transition explicit (docs/domain.md "Investigation"):
 * a referred visit is accepted or declined (declined, it returns to the agent, who may refer
 * again); an accepted one gets its finding; an open one (referred or accepted) is cancelled when
 * its contact ends. DECLINED, FINDING_REPORTED and CANCELLED are final.
 */
const TRANSITIONS: Readonly<Record<SiteVisitCommand, Partial<Record<SiteVisitStatus, SiteVisitStatus>>>> = {
  ACCEPT: { REFERRED: 'ACCEPTED' },
  DECLINE: { REFERRED: 'DECLINED' },
  REPORT_FINDING: { ACCEPTED: 'FINDING_REPORTED' },
  CANCEL: { REFERRED: 'CANCELLED', ACCEPTED: 'CANCELLED' },
};

const WHAT: Record<SiteVisitCommand, string> = {
  ACCEPT: 'accepted',
  DECLINE: 'declined',
  REPORT_FINDING: 'given a finding (accept it first)',
  CANCEL: 'cancelled',
};

/** The status after `command`, or a 409 ILLEGAL_TRANSITION naming the status it is in. */
export function transition(status: SiteVisitStatus, command: SiteVisitCommand): SiteVisitStatus {
  const next = TRANSITIONS[command][status];
  if (next === undefined) {
    throw new SiteVisitRefused('CONFLICT', 'ILLEGAL_TRANSITION', `A site visit that is ${status} cannot be ${WHAT[command]}.`);
  }
  return next;
}
