/**
 * Meter point statuses are reference data, not a hard-coded enum: an operator can add or rename
 * statuses without a release. The list below is the default reference data the service seeds.
 * `CA` (Capped) and `CL` (Clamped) are product-decision codes (see docs/domain.md).
 */
export type MeterPointStatusCode = string;

export interface MeterPointStatus {
  code: MeterPointStatusCode;
  name: string;
}

export const DEFAULT_METER_POINT_STATUSES: readonly MeterPointStatus[] = Object.freeze([
  { code: 'LI', name: 'Live' },
  { code: 'DE', name: 'Dead' },
  { code: 'CA', name: 'Capped' },
  { code: 'CL', name: 'Clamped' },
  { code: 'EX', name: 'Extinct' },
]);

/** The codes of a status reference list, e.g. to pass to `parseExtract`. */
export function statusCodes(
  statuses: readonly MeterPointStatus[] = DEFAULT_METER_POINT_STATUSES,
): MeterPointStatusCode[] {
  return statuses.map((s) => s.code);
}
