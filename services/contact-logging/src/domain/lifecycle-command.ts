/**
 * The explicit commands that move a contact through its lifecycle (docs/domain.md "Lifecycle (PD)"):
 * a CDSP agent assigns (takes it for investigation) and resolves it; the originator withdraws it.
 */
export const LIFECYCLE_COMMANDS = ['ASSIGN', 'WITHDRAW', 'RESOLVE'] as const;

export type LifecycleCommand = (typeof LIFECYCLE_COMMANDS)[number];
