import { normaliseMprn, toEpochDay } from '@cms/gas-market';
import { readAlternativeAddress, AlternativeAddress, LookedUpAddress } from './alternative-address';
import { CONTACT_SUBMISSION_FIELDS, ValidContactSubmission } from './contact-submission';
import { CONTACT_TYPES, ContactType } from './contact-type';
import { DtlEvidence, readDtlEvidence } from './dtl-evidence';
import { IsolationWork, readIsolationWork } from './isolation-work';
import { LoggingRulesConfig, resolveLoggingRulesConfig } from './logging-rules-config';
import { readOriginatorContact } from './originator-contact';
import { Rejection, Rejections } from './rejection';
import { REQUESTED_METER_POINT_STATUSES, RequestedMeterPointStatus } from './requested-meter-point-status';
import {
  isAbsent,
  isJsonObject,
  JsonObject,
  Problems,
  readBlock,
  readChoice,
  readText,
  refuseUnknownFields,
} from './submitted-value';

export interface SubmissionContext {
  /** Today's Europe/London calendar date, YYYY-MM-DD; injected so the rules have no clock. */
  readonly today: string;
  readonly rules?: Partial<LoggingRulesConfig>;
  /** The delivery point the alternative address's chosen UDPRN names (readChosenUdprn), or null when the look-up found none. */
  readonly alternativeAddressLookedUp?: LookedUpAddress | null;
}

/**
 * What could be read from a submission. `type`, `mprn` and `requestedStatus` are given even when
 * other items are at fault, so the register rules can still run and every reason comes back at
 * once. `contact` is set only when `rejections` is empty.
 */
export interface ParsedSubmission {
  readonly type: ContactType | null;
  /** Null when absent or malformed (then no register rule applies). */
  readonly mprn: string | null;
  /** LI for a DTL contact; as given for ISO; null when absent or malformed. */
  readonly requestedStatus: RequestedMeterPointStatus | null;
  readonly rejections: readonly Rejection[];
  readonly contact: ValidContactSubmission | null;
}

/**
 * The submission's MPRN, normalised, or null when absent or malformed. The caller reads it first
 * to look the meter point up, then hands the meter point (or null) to `evaluateSubmission`.
 */
export function readMprn(submission: unknown): string | null {
  return isJsonObject(submission) ? normaliseMprn(submission['mprn']) : null;
}

/**
 * Applies every rule that needs only the submission itself (docs/domain.md "Mandatory items"):
 * presence and shape of each item, one MANDATORY_FIELD per field at fault, and MPRN_FORMAT.
 * Pure: no register, no clock (today is passed in). Throws only on a caller's mistake (a `today`
 * that is not a date, a nonsensical rules override).
 */
export function parseSubmission(submission: unknown, context: SubmissionContext): ParsedSubmission {
  const config = resolveLoggingRulesConfig(context.rules);
  const todayEpochDay = toEpochDay(context.today);
  if (todayEpochDay === null) {
    throw new RangeError(`today must be a calendar date YYYY-MM-DD, got "${context.today}".`);
  }

  if (!isJsonObject(submission)) {
    return {
      type: null,
      mprn: null,
      requestedStatus: null,
      rejections: [Rejections.mandatoryField(undefined, 'The submission must be a JSON object.')],
      contact: null,
    };
  }

  const problems: Problems = [];
  refuseUnknownFields(submission, CONTACT_SUBMISSION_FIELDS, '', problems);

  const type = readChoice(
    submission['type'],
    { field: 'type', label: 'The contact type', required: true, choices: CONTACT_TYPES },
    problems,
  );
  const mprn = readSubmittedMprn(submission['mprn'], problems);
  const requestedStatus = readRequestedStatus(submission['requestedStatus'], type, problems);

  const contactBlock = readBlock(
    submission['originatorContact'],
    { field: 'originatorContact', label: "The originator's contact details" },
    problems,
  );
  const originatorContact =
    contactBlock === null ? null : readOriginatorContact(contactBlock ?? {}, config.originatorNameMaxLength, problems);

  const description = readText(
    submission['description'],
    {
      field: 'description',
      label: 'The description',
      required: true,
      maxLength: config.descriptionMaxLength,
    },
    problems,
  );

  // Each contact type's evidence is mandatory for it and refused on the other type, so nothing a
  // shipper sends is silently dropped. With no usable type, whatever was sent is still checked.
  let dtlEvidence: DtlEvidence | null = null;
  let isolation: IsolationWork | null = null;
  const dates = { todayEpochDay, maxMeterReadAgeDays: config.maxMeterReadAgeDays };
  if (type === 'DTL' || (type === null && !isAbsent(submission['dtlEvidence']))) {
    dtlEvidence = readDtlEvidence(submission['dtlEvidence'], dates, problems);
  } else {
    refuseIfGiven(submission, 'dtlEvidence', 'DTL evidence applies only to DTL contacts', problems);
  }
  if (type === 'ISO' || (type === null && !isAbsent(submission['isolation']))) {
    isolation = readIsolationWork(submission['isolation'], requestedStatus, todayEpochDay, problems);
  } else {
    refuseIfGiven(submission, 'isolation', 'Isolation work applies only to ISO contacts', problems);
  }

  const addressBlock = readBlock(
    submission['alternativeAddress'],
    { field: 'alternativeAddress', label: 'The alternative address' },
    problems,
  );
  const alternativeAddress: AlternativeAddress | null = addressBlock
    ? readAlternativeAddress(addressBlock, problems, context.alternativeAddressLookedUp ?? null)
    : null;

  let contact: ValidContactSubmission | null = null;
  if (problems.length === 0 && mprn !== null && originatorContact !== null && description !== null) {
    const common = { mprn, originatorContact, description, alternativeAddress };
    if (type === 'DTL' && dtlEvidence !== null) {
      contact = { type, requestedStatus: 'LI', ...common, dtlEvidence };
    } else if (type === 'ISO' && requestedStatus !== null && isolation !== null) {
      contact = { type, requestedStatus, ...common, isolation };
    }
  }
  return { type, mprn, requestedStatus, rejections: problems, contact };
}

/** MPRN absent → MANDATORY_FIELD on `mprn`; present but not 1 to 10 digits → MPRN_FORMAT. */
function readSubmittedMprn(raw: unknown, problems: Problems): string | null {
  if (isAbsent(raw)) {
    problems.push(Rejections.mandatoryField('mprn', 'The MPRN is required.'));
    return null;
  }
  const mprn = normaliseMprn(raw);
  if (mprn === null) problems.push(Rejections.mprnFormat());
  return mprn;
}

/**
 * ISO must say which status it asks for (docs/domain.md "Mandatory items"). A DTL contact always
 * asks for LI, so it may omit the item; anything else on a DTL contact is a contradiction.
 */
function readRequestedStatus(
  raw: unknown,
  type: ContactType | null,
  problems: Problems,
): RequestedMeterPointStatus | null {
  if (type === 'DTL') {
    if (isAbsent(raw) || (typeof raw === 'string' && raw.trim() === 'LI')) return 'LI';
    problems.push(
      Rejections.mandatoryField(
        'requestedStatus',
        'A Dead to Live contact always requests LI: omit the requested status or set it to LI.',
      ),
    );
    return null;
  }
  return readChoice(
    raw,
    {
      field: 'requestedStatus',
      label: 'The requested status',
      required: type === 'ISO',
      choices: REQUESTED_METER_POINT_STATUSES,
    },
    problems,
  );
}

function refuseIfGiven(submission: JsonObject, field: string, why: string, problems: Problems): void {
  if (isAbsent(submission[field])) return;
  problems.push(Rejections.mandatoryField(field, `${why}: remove it.`));
}
