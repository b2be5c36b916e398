import type { ContactStatus } from './contact-status';
import { IllegalTransitionError } from './illegal-transition.error';
import { LIFECYCLE_COMMANDS, type LifecycleCommand } from './lifecycle-command';

/**
 * The contact state machine (docs/domain.md "Lifecycle (PD)"): the only moves there are.
 *   LOGGED | UNDER_INVESTIGATION → UNDER_INVESTIGATION
 *                                               (ASSIGN: a CDSP agent takes it, or it is transferred)
 *   LOGGED | UNDER_INVESTIGATION → WITHDRAWN    (WITHDRAW: the originator withdraws an open contact)
 *   UNDER_INVESTIGATION → RESOLVED              (RESOLVE: VALID or INVALID, with a reason)
 * RESOLVED and WITHDRAWN are final. Who may give a command (CDSP agent, originator) is checked by
 * the use case, which knows the caller; this table only knows statuses.
 */
const TRANSITIONS: Readonly<
  Record<LifecycleCommand, { readonly from: readonly ContactStatus[]; readonly to: ContactStatus }>
> = {
  ASSIGN: { from: ['LOGGED', 'UNDER_INVESTIGATION'], to: 'UNDER_INVESTIGATION' },
  WITHDRAW: { from: ['LOGGED', 'UNDER_INVESTIGATION'], to: 'WITHDRAWN' },
  RESOLVE: { from: ['UNDER_INVESTIGATION'], to: 'RESOLVED' },
};

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
