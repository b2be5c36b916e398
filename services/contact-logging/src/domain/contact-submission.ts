import type { AlternativeAddress } from './alternative-address';
import type { DtlEvidence } from './dtl-evidence';
import type { IsolationWork } from './isolation-work';
import type { RequestedMeterPointStatus } from './requested-meter-point-status';
import type { OriginatorContact } from './originator-contact';

/**
 * What a shipper submits to log a DTL or ISO contact, as it arrives from parsed JSON: every item is
 * optional and unknown-typed until the logging rules have read it. This documents the shape (and
 * types test fixtures); the rules accept any `unknown`.
 */
export interface ContactSubmission {
  /** 'DTL' or 'ISO'. */
  readonly type?: unknown;
  /** 1 to 10 digits, as a string or a JSON number. */
  readonly mprn?: unknown;
  /** ISO: 'DE', or 'LI' from Capped/Clamped. DTL: may be omitted, or 'LI'. */
  readonly requestedStatus?: unknown;
  readonly originatorContact?: {
    readonly name?: unknown;
    readonly telephone?: unknown;
    readonly email?: unknown;
  };
  /** The situation in the originator's words, 1 to 2000 characters, one line. */
  readonly description?: unknown;
  /** DTL only. */
  readonly dtlEvidence?: {
    readonly meterRead?: { readonly value?: unknown; readonly readDate?: unknown };
    readonly meterSerialNumber?: unknown;
  };
  /** ISO only. */
  readonly isolation?: { readonly workDate?: unknown; readonly workType?: unknown };
  /** Optional for both: where the originator believes the supply point is. */
  readonly alternativeAddress?: { readonly [K in keyof AlternativeAddress]?: unknown };
}

/** The top-level fields a submission may carry; any other is refused. */
export const CONTACT_SUBMISSION_FIELDS = [
  'type',
  'mprn',
  'requestedStatus',
  'originatorContact',
  'description',
  'dtlEvidence',
  'isolation',
  'alternativeAddress',
] as const;

interface ValidSubmissionCommon {
  /** As given: 1 to 10 digits, trimmed, leading zeros kept. */
  readonly mprn: string;
  readonly originatorContact: OriginatorContact;
  /** Trimmed, NFC-normalised, no control characters. */
  readonly description: string;
  /** Null when none was given. */
  readonly alternativeAddress: AlternativeAddress | null;
}

/** An accepted Dead to Live submission: always asks for Live. */
export interface ValidDtlSubmission extends ValidSubmissionCommon {
  readonly type: 'DTL';
  readonly requestedStatus: 'LI';
  readonly dtlEvidence: DtlEvidence;
}

/** An accepted Isolation submission: asks for Dead, or for Live from Capped/Clamped. */
export interface ValidIsoSubmission extends ValidSubmissionCommon {
  readonly type: 'ISO';
  readonly requestedStatus: RequestedMeterPointStatus;
  readonly isolation: IsolationWork;
}

/** A submission that passed every logging rule, with normalised values, ready for a CRN. */
export type ValidContactSubmission = ValidDtlSubmission | ValidIsoSubmission;
