/**
 * The contact-logging domain: the DTL/ISO logging rules and the contact lifecycle, as plain
 * TypeScript with no framework, ORM or I/O (docs/style.md "The domain is plain TypeScript").
 * Only the public API is exported; the field readers stay internal to the rules.
 */

// Logging rules: read the MPRN, look the meter point up, then evaluate the whole submission.
export { evaluateSubmission } from './logging-rules';
export type { LoggingDecision, LoggingRulesInput, Originator, RegisteredMeterPoint } from './logging-rules';
export { parseSubmission, readMprn } from './contact-submission-parser';
export type { ParsedSubmission, SubmissionContext } from './contact-submission-parser';
export { DEFAULT_LOGGING_RULES_CONFIG, resolveLoggingRulesConfig } from './logging-rules-config';
export type { LoggingRulesConfig } from './logging-rules-config';
export type { OpenContact } from './open-contact';
export { seesEveryContact } from './visibility';
export { periodProblems, readsContactStatistics, STATISTICS_PERIOD_MAX_DAYS } from './contact-statistics';
export type { PeriodProblem } from './contact-statistics';
export { CONTACT_USER_ROLE, lacksRoleToLogContacts } from './permissions';
export type { Submitter } from './permissions';
export { REJECTION_CODES, Rejections } from './rejection';
export type { Rejection, RejectionCode } from './rejection';

// What is submitted and what an accepted submission holds.
export { CONTACT_SUBMISSION_FIELDS } from './contact-submission';
export type {
  ContactSubmission,
  ValidContactSubmission,
  ValidDtlSubmission,
  ValidIsoSubmission,
} from './contact-submission';
export { EMAIL_MAX_LENGTH, ORIGINATOR_CONTACT_FIELDS, TELEPHONE_MAX_LENGTH, TELEPHONE_MIN_LENGTH, isSaneEmailAddress, isUkTelephoneNumber } from './originator-contact';
export type { OriginatorContact } from './originator-contact';
export { METER_READ_MAX_DIGITS } from './dtl-evidence';
export type { DtlEvidence, MeterRead } from './dtl-evidence';
export { ISOLATION_WORK_TYPES, requestedStatusImpliedBy } from './isolation-work';
export type { IsolationWork, IsolationWorkType } from './isolation-work';
export { ALTERNATIVE_ADDRESS_FIELDS, readChosenUdprn } from './alternative-address';
export type { AlternativeAddress, AlternativeAddressProvenance, LookedUpAddress } from './alternative-address';

// Vocabulary of contacts; the market's own (MPRN, postcode, statuses, organisation types) is @cms/gas-market.
export { CONTACT_TYPES, isContactType } from './contact-type';
export type { ContactType } from './contact-type';
export { CONTACT_STATUSES, OPEN_CONTACT_STATUSES, isContactStatus, isOpenContactStatus } from './contact-status';
export type { ContactStatus } from './contact-status';
export { CONTACT_OUTCOMES, isContactOutcome } from './contact-outcome';
export type { ContactOutcome } from './contact-outcome';
export { REQUESTED_METER_POINT_STATUSES, meterPointStatusCodeFor } from './requested-meter-point-status';
export type { RequestedMeterPointStatus } from './requested-meter-point-status';

// Lifecycle: the moves there are, and the commands that make them.
export { allowedCommands, canApply, transition } from './contact-lifecycle';
export { LIFECYCLE_COMMANDS } from './lifecycle-command';
export type { LifecycleCommand } from './lifecycle-command';
export { IllegalTransitionError } from './illegal-transition.error';
export {
  NOTE_MAX_LENGTH,
  SUPERVISOR_ROLE,
  WITHDRAWAL_REASON_MAX_LENGTH,
  assignContact,
  closeUnanswered,
  resolveContact,
  withdrawContact,
} from './contact-commands';
export type { Assignment, AssignmentRole, Resolution, ResolutionRequest, Withdrawal } from './contact-commands';
export { CDSP_AGENT_ROLE } from './contact-actor';
export type { ContactActor } from './contact-actor';
export { ContactCommandRefused } from './contact-command-refused.error';
export type { RefusalKind } from './contact-command-refused.error';
export type { ContactUnderWork } from './contact-under-work';
export { NO_RESPONSE_TO_DC } from './resolution-reason';
export type { ResolutionReason } from './resolution-reason';
export { targetMeterPointStatus } from './target-meter-point-status';
export type { MeterPointStatusRequest } from './target-meter-point-status';
export { statusLoggedAgainst } from './status-logged-against';

// Clocks: the resolution target, reminders, the pause while waiting on the originator, auto-closure.
export {
  DEFAULT_CONTACT_CLOCK_SETTINGS,
  dueOnAfterPause,
  resolutionDueOn,
  unansweredDcClosesOn,
} from './contact-clock';
export type { ContactClockSettings } from './contact-clock';

// What each contact type asks for, in words (GET /contact-types).
export { contactTypeDefinition } from './contact-type-definitions';
export type { ContactItemDefinition, ContactItemGroup, ContactTypeDefinition } from './contact-type-definitions';

// Retention: how long personal data is kept, and what of a contact is personal.
export {
  KEPT_SUBMISSION_FIELDS,
  PERSONAL_CONTACT_DETAILS,
  PERSONAL_CONTACT_FIELDS,
  PERSONAL_TIMELINE_DETAILS,
  contactAnonymisedAt,
  rejectedSubmissionsRefusedBefore,
  rejectedSubmissionsSweepAt,
} from './retention';
export type { RetentionSchedule } from './retention';
