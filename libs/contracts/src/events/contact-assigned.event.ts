import { Topics } from '../topics';
import { Crn, Instant, OneOf, OrganisationId, OrganisationIds, UserId, UserIdOrNull } from './event-fields';

/**
 * Who works a contact on each side (docs/domain.md "Who uses it": work is queued per organisation).
 * INVESTIGATING_AGENT: the CDSP agent who took the contact for investigation (the first one moves it
 * LOGGED → UNDER_INVESTIGATION). HANDLER: the user of another involved organisation (the shipper's,
 * the transporter's) who handles that organisation's part of it.
 */
export const ASSIGNMENT_ROLES = ['INVESTIGATING_AGENT', 'HANDLER'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

/**
 * A contact was taken by a user, or given or transferred to one by a SUPERVISOR of the same
 * organisation (`assignedByUserId` differs from `assigneeUserId`). Published on `cms.contacts.v1`,
 * keyed by CRN.
 */
export class ContactAssignedV1 {
  static readonly type = 'uk.gas.cms.contact.assigned.v1';
  static readonly topic = Topics.contacts;

  @Crn()
  crn!: string;

  @OneOf(ASSIGNMENT_ROLES)
  role!: AssignmentRole;

  /** The organisation whose side of the contact this is. */
  @OrganisationId()
  organisationId!: string;

  @UserId()
  assigneeUserId!: string;

  /** Who had it before: null when nobody did. */
  @UserIdOrNull()
  previousAssigneeUserId!: string | null;

  @UserId()
  assignedByUserId!: string;

  /** The contact's status after the assignment. */
  @OneOf(['LOGGED', 'UNDER_INVESTIGATION'])
  status!: 'LOGGED' | 'UNDER_INVESTIGATION';

  @Instant()
  assignedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
