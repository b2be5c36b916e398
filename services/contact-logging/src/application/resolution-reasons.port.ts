import type { ResolutionReason } from '../domain';

/** Port: the resolution reasons of the reference data (docs/domain.md "Outcome"), in their order. */
export interface ResolutionReasons {
  /** The reasons in use; retired ones are kept for the contacts that carry them, not offered. */
  active(): Promise<ResolutionReason[]>;
}

export const RESOLUTION_REASONS = Symbol('RESOLUTION_REASONS');
