import { Inject, Injectable } from '@nestjs/common';
import { hasConsistentCheckDigits, isMprn, normalisePostcodeInput, type MeterPointStatus } from '@cms/gas-market';
import { METER_POINT_REGISTER, type MeterPointRegister, type RegisteredMeterPoint } from './meter-point-register.port';

export type MeterPointLookupResult =
  | { outcome: 'found'; meterPoint: RegisteredMeterPoint; checkDigitsConsistent: boolean }
  /** Not numeric, or longer than 10 digits (the MPRN_FORMAT rule). */
  | { outcome: 'malformed' }
  /** Well formed but not in the register; the check digits hint at a typo when inconsistent. */
  | { outcome: 'not-found'; checkDigitsConsistent: boolean };

export type PostcodeLookupResult =
  | { outcome: 'found'; postcode: string; meterPoints: RegisteredMeterPoint[]; nextCursor: string | null }
  | { outcome: 'malformed-postcode' }
  | { outcome: 'malformed-cursor' };

/** The register's read side: what the logging form and the contact services look up. */
@Injectable()
export class MeterPointLookup {
  constructor(@Inject(METER_POINT_REGISTER) private readonly register: MeterPointRegister) {}

  async byMprn(mprn: string): Promise<MeterPointLookupResult> {
    if (!isMprn(mprn)) return { outcome: 'malformed' };
    // A hint only (docs/domain.md, "Meter points"): the register is the authority on existence.
    const checkDigitsConsistent = hasConsistentCheckDigits(mprn);
    const meterPoint = await this.register.find(mprn);
    return meterPoint ? { outcome: 'found', meterPoint, checkDigitsConsistent } : { outcome: 'not-found', checkDigitsConsistent };
  }

  /** Meter points at a postcode, a page at a time in MPRN order; `cursor` is the last MPRN of the previous page. */
  async atPostcode(rawPostcode: string, page: { limit: number; cursor?: string }): Promise<PostcodeLookupResult> {
    const postcode = normalisePostcodeInput(rawPostcode);
    if (postcode === null) return { outcome: 'malformed-postcode' };
    if (page.cursor !== undefined && !isMprn(page.cursor)) return { outcome: 'malformed-cursor' };
    const found = await this.register.findByPostcode(postcode, { limit: page.limit + 1, afterMprn: page.cursor });
    const meterPoints = found.slice(0, page.limit);
    const nextCursor = found.length > page.limit ? meterPoints[meterPoints.length - 1].meterPoint.mprn : null;
    return { outcome: 'found', postcode, meterPoints, nextCursor };
  }

  statuses(): Promise<MeterPointStatus[]> {
    return this.register.statuses();
  }
}
