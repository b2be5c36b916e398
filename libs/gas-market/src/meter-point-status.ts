/**
 * Meter point statuses (docs/domain.md "Meter points"): `LI` Live, `DE` Dead, `CA` Capped (PD
 * code), `CL` Clamped (PD code), `EX` Extinct. Statuses are reference data, not a hard-coded enum:
 * an operator can add or rename statuses without a release, so a status code is a plain string and
 * what follows is the DEFAULT reference data, which the register seeds and configuration may override.
 *
 * The market rules (DTL, ISO, Extinct) need to know which code plays which part; that part-to-code
 * map (`MeterPointStatusCodes`) is configuration too.
 */
export type MeterPointStatusCode = string;

/** A row of the status reference data. */
export interface MeterPointStatus {
  code: MeterPointStatusCode;
  name: string;
}

/** The parts a status plays in the market rules. */
export const METER_POINT_STATUS_ROLES = ['live', 'dead', 'capped', 'clamped', 'extinct'] as const;

export type MeterPointStatusRole = (typeof METER_POINT_STATUS_ROLES)[number];

/** Which status code plays each part. */
export type MeterPointStatusCodes = Readonly<Record<MeterPointStatusRole, MeterPointStatusCode>>;

export const DEFAULT_METER_POINT_STATUS_CODES: MeterPointStatusCodes = Object.freeze({
  live: 'LI',
  dead: 'DE',
  capped: 'CA',
  clamped: 'CL',
  extinct: 'EX',
});

/** The name of each part, as people read it. */
const ROLE_NAMES: Readonly<Record<MeterPointStatusRole, string>> = Object.freeze({
  live: 'Live',
  dead: 'Dead',
  capped: 'Capped',
  clamped: 'Clamped',
  extinct: 'Extinct',
});

/** The default status reference data: LI Live, DE Dead, CA Capped, CL Clamped, EX Extinct, in that order. */
export const DEFAULT_METER_POINT_STATUSES: readonly MeterPointStatus[] = Object.freeze(
  METER_POINT_STATUS_ROLES.map((role) => Object.freeze({ code: DEFAULT_METER_POINT_STATUS_CODES[role], name: ROLE_NAMES[role] })),
);

/** The codes of a status reference list, e.g. the statuses an extract may carry. */
export function statusCodes(statuses: readonly MeterPointStatus[] = DEFAULT_METER_POINT_STATUSES): MeterPointStatusCode[] {
  return statuses.map((s) => s.code);
}

/** The part `code` plays under `codes`, or null when it plays none. */
export function meterPointStatusRole(
  code: MeterPointStatusCode,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): MeterPointStatusRole | null {
  return METER_POINT_STATUS_ROLES.find((role) => codes[role] === code) ?? null;
}

/** "Dead (DE)" for a code that plays a part, the bare code otherwise: for plain-English messages. */
export function describeMeterPointStatus(
  code: MeterPointStatusCode,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): string {
  const role = meterPointStatusRole(code, codes);
  return role === null ? code : `${ROLE_NAMES[role]} (${code})`;
}
