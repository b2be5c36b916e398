import { DEFAULT_METER_POINT_STATUS_CODES, type MeterPointStatusCodes } from '@cms/gas-market';
import { ContactOutcome, isContactOutcome } from './contact-outcome';
import { ContactStatus } from './contact-status';
import { IllegalTransitionError } from './illegal-transition.error';
import { InvalidResolutionError } from './invalid-resolution.error';
import { LIFECYCLE_COMMANDS, LifecycleCommand } from './lifecycle-command';
import { findTextFault } from './submitted-value';
import { MeterPointStatusRequest, targetMeterPointStatus } from './target-meter-point-status';

/**
 * The contact state machine (docs/domain.md "Lifecycle (PD)"): the only moves there are.
 *   LOGGED → UNDER_INVESTIGATION                (ASSIGN: a CDSP agent takes it)
 *   LOGGED | UNDER_INVESTIGATION → WITHDRAWN    (WITHDRAW: the originator withdraws an open contact)
 *   UNDER_INVESTIGATION → RESOLVED              (RESOLVE: VALID or INVALID, with a reason)
 * RESOLVED and WITHDRAWN are final. Who may give a command (CDSP agent, originator) is checked by
 * the use case, which knows the caller; this table only knows statuses.
 */
const TRANSITIONS: Readonly<
  Record<LifecycleCommand, { readonly from: readonly ContactStatus[]; readonly to: ContactStatus }>
> = {
  ASSIGN: { from: ['LOGGED'], to: 'UNDER_INVESTIGATION' },
  WITHDRAW: { from: ['LOGGED', 'UNDER_INVESTIGATION'], to: 'WITHDRAWN' },
  RESOLVE: { from: ['UNDER_INVESTIGATION'], to: 'RESOLVED' },
};

/** PD: a resolution reason is free text shown in the history; long enough for a paragraph. */
export const RESOLUTION_REASON_MAX_LENGTH = 2000;

export function canApply(from: ContactStatus, command: LifecycleCommand): boolean {
  return TRANSITIONS[command].from.includes(from);
}

/** The commands a contact in this status accepts, e.g. to decide which buttons a screen shows. */
export function allowedCommands(from: ContactStatus): LifecycleCommand[] {
  return LIFECYCLE_COMMANDS.filter((command) => canApply(from, command));
}

/** The status after `command`; throws IllegalTransitionError for any move not in the table. */
export function transition(from: ContactStatus, command: LifecycleCommand): ContactStatus {
  const rule = TRANSITIONS[command];
  if (!rule.from.includes(from)) throw new IllegalTransitionError(from, command, rule.from);
  return rule.to;
}

/** A CDSP agent takes a LOGGED contact for investigation. */
export function assign(from: ContactStatus): 'UNDER_INVESTIGATION' {
  transition(from, 'ASSIGN');
  return 'UNDER_INVESTIGATION';
}

/** The originator withdraws an open (LOGGED or UNDER_INVESTIGATION) contact. */
export function withdraw(from: ContactStatus): 'WITHDRAWN' {
  transition(from, 'WITHDRAW');
  return 'WITHDRAWN';
}

export interface Resolution {
  readonly outcome: ContactOutcome;
  readonly reason: string;
}

export interface ContactResolved {
  readonly status: 'RESOLVED';
  readonly outcome: ContactOutcome;
  /** Trimmed. */
  readonly reason: string;
  /**
   * The register status the meter point must take: set on VALID (DTL → LI; ISO → the requested
   * status), null on INVALID, which leaves the meter point as it is.
   */
  readonly meterPointStatusTo: string | null;
}

/**
 * A CDSP agent resolves a contact under investigation. Checks the move first, then the
 * resolution, so a contact in the wrong status always reports IllegalTransitionError.
 */
export function resolve(
  contact: { readonly status: ContactStatus } & MeterPointStatusRequest,
  resolution: Resolution,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): ContactResolved {
  transition(contact.status, 'RESOLVE');

  // The types already say this, but resolutions arrive from HTTP bodies and timers alike.
  if (!isContactOutcome(resolution.outcome)) {
    throw new InvalidResolutionError('outcome', 'The outcome must be VALID or INVALID.');
  }
  const reason = typeof resolution.reason === 'string' ? resolution.reason.trim() : '';
  if (reason === '') {
    throw new InvalidResolutionError('reason', 'A resolution needs a reason.');
  }
  if ([...reason].length > RESOLUTION_REASON_MAX_LENGTH) {
    throw new InvalidResolutionError(
      'reason',
      `The reason must be at most ${RESOLUTION_REASON_MAX_LENGTH} characters.`,
    );
  }
  const fault = findTextFault(reason);
  if (fault) throw new InvalidResolutionError('reason', `The reason ${fault}.`);

  return {
    status: 'RESOLVED',
    outcome: resolution.outcome,
    reason,
    meterPointStatusTo: resolution.outcome === 'VALID' ? targetMeterPointStatus(contact, codes) : null,
  };
}
