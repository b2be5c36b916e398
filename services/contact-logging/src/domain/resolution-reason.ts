import type { ContactOutcome } from './contact-outcome';

/**
 * A reason an agent gives for an outcome (docs/domain.md "Outcome": resolution reasons are
 * reference data, plus a free-text note). Each reason belongs to one outcome; an automatic-only
 * reason (no response to a data clarification) is given by the timer, never chosen by a person.
 */
export interface ResolutionReason {
  readonly code: string;
  readonly label: string;
  readonly outcome: ContactOutcome;
  readonly automaticOnly: boolean;
}

/** The reason the timer gives when a DC to the originator stays unanswered (docs/domain.md "Time limits"). */
export const NO_RESPONSE_TO_DC = 'NO_RESPONSE_TO_DC';
