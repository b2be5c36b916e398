import type { ContactStatus } from './contact-status';
import type { LifecycleCommand } from './lifecycle-command';

const VERBS: Record<LifecycleCommand, string> = {
  ASSIGN: 'assign',
  WITHDRAW: 'withdraw',
  RESOLVE: 'resolve',
};

/**
 * A lifecycle command was given to a contact in a status that does not allow it. Transitions are
 * explicit and anything else is refused with a clear error (docs/domain.md "Lifecycle (PD)").
 * The stable `code` lets the HTTP edge map it to a 409 problem details answer.
 */
export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION' as const;
  readonly from: ContactStatus;
  readonly command: LifecycleCommand;
  readonly allowedFrom: readonly ContactStatus[];

  constructor(from: ContactStatus, command: LifecycleCommand, allowedFrom: readonly ContactStatus[]) {
    const verb = VERBS[command];
    super(
      `Cannot ${verb} a contact that is ${from}: ${verb} is allowed only when the contact is ` +
        `${allowedFrom.join(' or ')}.`,
    );
    this.name = 'IllegalTransitionError';
    this.from = from;
    this.command = command;
    this.allowedFrom = allowedFrom;
  }
}
