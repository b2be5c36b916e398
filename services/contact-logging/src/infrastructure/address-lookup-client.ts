import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PAF_TEXT_FIELDS, type PafAddress } from '@cms/gas-market';
import { ProblemException, RequestContext, SERVICE_CONFIG, ServiceHttpClient } from '@cms/service-defaults';
import type { AddressLookup, DeliveryPoint } from '../application/address-lookup.port';
import type { ContactLoggingConfig } from '../contact-logging.config';

/**
 * Asks the address look-up (the address-lookup service) for the delivery point of one UDPRN,
 * synchronously, with the credentials of the request being served: the look-up counts it against
 * the caller's daily quota, and a partner system needs addresses:read.
 */
@Injectable()
export class AddressLookupClient implements AddressLookup, OnApplicationShutdown {
  private readonly http: ServiceHttpClient;

  constructor(@Inject(SERVICE_CONFIG) config: ContactLoggingConfig, context: RequestContext) {
    this.http = new ServiceHttpClient(config.ADDRESS_LOOKUP_URL, config.ADDRESS_LOOKUP_TIMEOUT_MS, context, lookupUnavailable);
  }

  async byUdprn(udprn: string): Promise<DeliveryPoint | null> {
    const answer = await this.http.get(`/api/v1/addresses/${encodeURIComponent(udprn)}`);
    if (answer.status === 404) return null;
    // The look-up's own refusals reach the caller as they are: its quota spent, or a partner token without addresses:read.
    if (answer.status === 429 || answer.status === 403) {
      const problem = this.http.json<{ status: number; code: string; title: string; detail?: string }>(answer);
      throw new ProblemException(answer.status, problem.code, problem.title, problem.detail);
    }
    if (answer.status !== 200) throw lookupUnavailable();
    const body = this.http.json<Partial<Record<keyof PafAddress, string>> & { udprn: string; source: string }>(answer);
    const address: PafAddress & { udprn: string } = { postTown: body.postTown ?? '', postcode: body.postcode ?? '', udprn: body.udprn };
    for (const field of PAF_TEXT_FIELDS) if (body[field] !== undefined) address[field] = body[field];
    if (body.uprn !== undefined) address.uprn = body.uprn;
    return { address, source: body.source };
  }

  onApplicationShutdown(): void {
    this.http.close();
  }
}

function lookupUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'ADDRESS_LOOKUP_UNAVAILABLE',
    'Service unavailable',
    "The address look-up could not be reached to read the alternative address's UDPRN; nothing was logged. " +
      'Try again shortly, or type the address.',
  );
}
