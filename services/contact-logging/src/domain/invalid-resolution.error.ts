/**
 * A resolution without a usable outcome or reason. Every resolution carries VALID or INVALID and a
 * reason (docs/domain.md "Outcome"), because the originator reads it in the contact's history.
 */
export class InvalidResolutionError extends Error {
  readonly code = 'INVALID_RESOLUTION' as const;
  readonly field: 'outcome' | 'reason';

  constructor(field: 'outcome' | 'reason', message: string) {
    super(message);
    this.name = 'InvalidResolutionError';
    this.field = field;
  }
}
