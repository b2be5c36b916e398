/**
 * Meter point statuses are reference data, not a hard-coded enum (docs/domain.md "Meter points"):
 * the register hands us a code as a plain string. The logging rules only need to know which code
 * plays which part, so that part-to-code map is configuration. `CA` and `CL` are PD codes.
 */
export interface MeterPointStatusCodes {
  readonly live: string;
  readonly dead: string;
  readonly capped: string;
  readonly clamped: string;
  readonly extinct: string;
}

export const DEFAULT_METER_POINT_STATUS_CODES: MeterPointStatusCodes = Object.freeze({
  live: 'LI',
  dead: 'DE',
  capped: 'CA',
  clamped: 'CL',
  extinct: 'EX',
});

/**
 * What a contact asks the meter point to become, as the API carries it (docs/api.md, the
 * ContactLoggedV1 event): DTL always asks for LI; ISO asks for DE, or for LI from CA/CL.
 */
export const REQUESTED_METER_POINT_STATUSES = ['DE', 'LI'] as const;

export type RequestedMeterPointStatus = (typeof REQUESTED_METER_POINT_STATUSES)[number];

/** "Dead (DE)" for a known code, the bare code otherwise: used in plain-English messages. */
export function describeMeterPointStatus(
  code: string,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): string {
  const names: Record<keyof MeterPointStatusCodes, string> = {
    live: 'Live',
    dead: 'Dead',
    capped: 'Capped',
    clamped: 'Clamped',
    extinct: 'Extinct',
  };
  const part = (Object.keys(names) as (keyof MeterPointStatusCodes)[]).find((k) => codes[k] === code);
  return part ? `${names[part]} (${code})` : code;
}

/** The register code a requested status stands for, e.g. 'DE' → the configured dead code. */
export function meterPointStatusCodeFor(
  requested: RequestedMeterPointStatus,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): string {
  return requested === 'DE' ? codes.dead : codes.live;
}
