import { describeMeterPointStatus, hasConsistentCheckDigits, type OrganisationType } from '@cms/gas-market';
import { parseSubmission } from './contact-submission-parser';
import type { ValidContactSubmission } from './contact-submission';
import type { ContactType } from './contact-type';
import { LoggingRulesConfig, resolveLoggingRulesConfig } from './logging-rules-config';
import type { LookedUpAddress } from './alternative-address';
import type { OpenContact } from './open-contact';
import { Rejection, RejectionCode, Rejections } from './rejection';
import type { RequestedMeterPointStatus } from './requested-meter-point-status';

/** The organisation raising the contact, taken from the verified token, never from the body. */
export interface Originator {
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
}

/** The register's view of the submitted MPRN, as the meter-points service answers a look-up. */
export interface RegisteredMeterPoint {
  readonly mprn: string;
  /** A status reference data code (LI, DE, CA, CL, EX by default). */
  readonly status: string;
  readonly registeredShipperId: string | null;
  readonly transporterId: string;
}

export interface LoggingRulesInput {
  /** The parsed JSON body, unvalidated. */
  readonly submission: unknown;
  readonly originator: Originator;
  /** Null when the register has no such MPRN, or the MPRN was absent or malformed. */
  readonly meterPoint: RegisteredMeterPoint | null;
  /** The open (LOGGED or UNDER_INVESTIGATION) DTL or ISO contact on this MPRN, if any. */
  readonly openContact: OpenContact | null;
  /** Today's Europe/London calendar date, YYYY-MM-DD. */
  readonly today: string;
  readonly rules?: Partial<LoggingRulesConfig>;
  /** The delivery point the alternative address's chosen UDPRN names, looked up first (readChosenUdprn); null when none has it. */
  readonly alternativeAddressLookedUp?: LookedUpAddress | null;
}

export type LoggingDecision =
  | { readonly accepted: true; readonly contact: ValidContactSubmission }
  | { readonly accepted: false; readonly rejections: Rejection[] };

/**
 * Applies every logging rule of docs/domain.md "Logging rules" and returns either the normalised
 * contact or ALL the reasons it is refused: the user sees every reason at once, never just the
 * first. The caller reads the MPRN first with `readMprn`, looks up the meter point and any open
 * contact, then calls this. Pure: no I/O, no clock.
 *
 * Rejections come in a stable order: the submission's own fields (in field order), then who may
 * raise it, then the register rules.
 */
export function evaluateSubmission(input: LoggingRulesInput): LoggingDecision {
  const config = resolveLoggingRulesConfig(input.rules);
  const parsed = parseSubmission(input.submission, {
    today: input.today,
    rules: config,
    alternativeAddressLookedUp: input.alternativeAddressLookedUp,
  });
  const rejections: Rejection[] = [...parsed.rejections];

  if (parsed.type !== null) {
    const permitted = config.permittedOrganisationTypes[parsed.type];
    if (!permitted.includes(input.originator.organisationType)) {
      rejections.push(Rejections.orgNotPermitted(input.originator.organisationType, parsed.type, permitted));
    }
  }

  // Register rules need a well-formed MPRN: with none, the register was not (and cannot be) asked.
  if (parsed.mprn !== null) {
    rejections.push(...registerRejections(parsed.mprn, parsed.type, parsed.requestedStatus, input, config));
    // Judged last: whether it may be told depends on every other reason.
    if (input.openContact !== null && mayLearnOfOpenContact(input.openContact, rejections, input.originator, parsed.type, config)) {
      rejections.push(Rejections.openContactExists(parsed.mprn, input.openContact));
    }
  }

  if (rejections.length > 0) return { accepted: false, rejections };
  if (parsed.contact === null) {
    // Every path that leaves the contact unread records a reason; reaching here is a bug in the rules.
    throw new Error('Submission neither accepted nor given a reason for rejection.');
  }
  return { accepted: true, contact: parsed.contact };
}

function registerRejections(
  mprn: string,
  type: ContactType | null,
  requestedStatus: RequestedMeterPointStatus | null,
  input: LoggingRulesInput,
  config: LoggingRulesConfig,
): Rejection[] {
  const rejections: Rejection[] = [];
  const meterPoint = input.meterPoint;

  if (meterPoint === null) {
    rejections.push(Rejections.mprnNotFound(mprn, hasConsistentCheckDigits(mprn)));
  } else {
    rejections.push(...statusRejections(mprn, type, requestedStatus, meterPoint.status, config));

    // PD: a meter point with a registered shipper takes contacts from that shipper only.
    const shipper = meterPoint.registeredShipperId;
    if (
      config.originatorMustBeRegisteredShipper &&
      shipper !== null &&
      shipper !== '' &&
      shipper !== input.originator.organisationId
    ) {
      rejections.push(Rejections.notRegisteredShipper(mprn));
    }
  }
  return rejections;
}

/**
 * The reasons that say the submitter is not entitled to raise a contact on this meter point at all,
 * whatever else its submission says: its organisation type may not raise the contact type
 * (ORG_NOT_PERMITTED), the meter point is registered to another shipper (NOT_REGISTERED_SHIPPER),
 * or there is no meter point a DTL or ISO contact can be raised on (MPRN_NOT_FOUND, MPRN_EXTINCT:
 * it needs an MPRN creation request instead). The status rules (STATUS_*) and MANDATORY_FIELD are
 * not among them: they say what is wrong with this request, not who may make one on this meter point.
 */
const NOT_ENTITLED_REASONS: ReadonlySet<RejectionCode> = new Set<RejectionCode>([
  'ORG_NOT_PERMITTED',
  'NOT_REGISTERED_SHIPPER',
  'MPRN_NOT_FOUND',
  'MPRN_EXTINCT',
]);

/**
 * One open DTL or ISO contact per MPRN, whichever type (docs/domain.md, OPEN_CONTACT_EXISTS). An
 * organisation involved in the open contact is told, with its CRN, beside every other reason, so it
 * can follow that contact instead. Anyone else is told only that one is open, and only when it is
 * otherwise entitled to raise a contact on this meter point: an organisation rejected for a reason
 * of NOT_ENTITLED_REASONS must not learn that a contact exists (docs/domain.md, Transparency:
 * "Nobody else can see that a contact exists").
 */
function mayLearnOfOpenContact(
  openContact: OpenContact,
  rejections: readonly Rejection[],
  originator: Originator,
  type: ContactType | null,
  config: LoggingRulesConfig,
): boolean {
  if (openContact.visibleToOriginator) return true;
  if (rejections.some((rejection) => NOT_ENTITLED_REASONS.has(rejection.code))) return false;
  // With no readable contact type ORG_NOT_PERMITTED was not judged: an organisation type that may
  // raise no contact type at all is not entitled either.
  const permitted = type === null ? Object.values(config.permittedOrganisationTypes).flat() : config.permittedOrganisationTypes[type];
  return permitted.includes(originator.organisationType);
}

/**
 * The status rules of docs/domain.md "Logging rules". EX stands alone: an extinct meter point
 * needs a new MPRN (MNC), so saying it is also "not dead" would only mislead.
 */
function statusRejections(
  mprn: string,
  type: ContactType | null,
  requestedStatus: RequestedMeterPointStatus | null,
  status: string,
  config: LoggingRulesConfig,
): Rejection[] {
  const codes = config.meterPointStatusCodes;
  if (status === codes.extinct) return [Rejections.mprnExtinct(mprn)];
  const described = describeMeterPointStatus(status, codes);

  if (type === 'DTL' && status !== codes.dead) {
    return [Rejections.statusNotDead(mprn, described)];
  }
  if (type === 'ISO' && requestedStatus === 'DE' && status === codes.dead) {
    return [Rejections.statusAlreadyDead(mprn)];
  }
  if (type === 'ISO' && requestedStatus === 'LI' && status !== codes.capped && status !== codes.clamped) {
    return [Rejections.statusNotCappedOrClamped(mprn, described)];
  }
  return [];
}
