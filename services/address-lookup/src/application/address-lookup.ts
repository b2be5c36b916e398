import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { isUdprn, normalisePostcodeInput } from '@cms/gas-market';
import { Clock } from '@cms/service-defaults';
import { compareDeliveryPoints, quotaDayOf, quotaHolderOf, type DeliveryPoint } from '../domain';
import { ADDRESS_SOURCE, type AddressSource, type AddressSourceName } from './address-source.port';
import { LOOKUP_QUOTA, LOOKUP_QUOTAS, type LookupQuota, type LookupQuotas } from './lookup-quotas.port';

export type PostcodeLookup =
  | { outcome: 'found'; postcode: string; deliveryPoints: DeliveryPoint[]; source: AddressSourceName }
  | { outcome: 'malformed-postcode' }
  | { outcome: 'over-quota' };

export type UdprnLookup =
  | { outcome: 'found'; deliveryPoint: DeliveryPoint; source: AddressSourceName }
  | { outcome: 'not-found' }
  | { outcome: 'malformed-udprn' }
  | { outcome: 'over-quota' };

/**
 * Address look-ups for signed-in callers: every delivery point at a postcode, or one by its UDPRN,
 * from the configured source. Each look-up that reaches the source counts against the caller's
 * daily quota (PAF licences forbid bulk extraction); a malformed request does not. An
 * AddressSourceUnavailableError from the source goes up to the controller (a 503).
 */
@Injectable()
export class AddressLookup {
  constructor(
    @Inject(ADDRESS_SOURCE) private readonly source: AddressSource,
    @Inject(LOOKUP_QUOTAS) private readonly quotas: LookupQuotas,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(LOOKUP_QUOTA) private readonly quota: LookupQuota,
  ) {}

  async atPostcode(caller: Caller, rawPostcode: string): Promise<PostcodeLookup> {
    const postcode = normalisePostcodeInput(rawPostcode);
    if (postcode === null) return { outcome: 'malformed-postcode' };
    if (!(await this.withinQuota(caller))) return { outcome: 'over-quota' };
    const deliveryPoints = (await this.source.atPostcode(postcode)).sort(compareDeliveryPoints);
    return { outcome: 'found', postcode, deliveryPoints, source: this.source.name };
  }

  async byUdprn(caller: Caller, udprn: string): Promise<UdprnLookup> {
    if (!isUdprn(udprn)) return { outcome: 'malformed-udprn' };
    if (!(await this.withinQuota(caller))) return { outcome: 'over-quota' };
    const deliveryPoint = await this.source.byUdprn(String(Number(udprn)));
    return deliveryPoint ? { outcome: 'found', deliveryPoint, source: this.source.name } : { outcome: 'not-found' };
  }

  private withinQuota(caller: Caller): Promise<boolean> {
    return this.quotas.take(quotaHolderOf(caller), quotaDayOf(this.clock.now()), this.quota.perUserPerDay);
  }
}
