/**
 * The two kinds of clarification thread (docs/domain.md "Investigation"): a Data Clarification from
 * a CDSP agent to the originator or a stakeholder; an Originator Clarification from a stakeholder
 * DN or IGT to the originator.
 */
export const CLARIFICATION_KINDS = ['DC', 'OC'] as const;
export type ClarificationKind = (typeof CLARIFICATION_KINDS)[number];

/** Whom a thread is addressed to: the contact's originator, or a stakeholder (the transporter). */
export const CLARIFICATION_ADDRESSEES = ['ORIGINATOR', 'STAKEHOLDER'] as const;
export type ClarificationAddressee = (typeof CLARIFICATION_ADDRESSEES)[number];

/**
 * Why a thread closed: a side closed it (agreement reached, with a reason), or the contact ended
 * (resolved or withdrawn: docs/domain.md "Outcome" closes its open DCs and OCs).
 */
export const CLARIFICATION_CLOSURE_CAUSES = ['CLOSED_BY_PARTICIPANT', 'CONTACT_RESOLVED', 'CONTACT_WITHDRAWN'] as const;
export type ClarificationClosureCause = (typeof CLARIFICATION_CLOSURE_CAUSES)[number];
