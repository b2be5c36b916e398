/**
 * A durable timer reached a due date counted in working days (docs/domain.md "Time limits"):
 * REMINDER one working day before it, OVERDUE once it has passed. Each aggregate with a due date
 * (contact, clarification, site visit) publishes its own deadline event with these stages.
 */
export const DEADLINE_STAGES = ['REMINDER', 'OVERDUE'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];
