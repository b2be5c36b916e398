import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProblemException, RequestContext, SERVICE_CONFIG, ServiceHttpClient } from '@cms/service-defaults';
import type { ContactToVisit, ReferralDetailsSource } from '../application/referral-details.port';
import type { AddressFields, ReferralDetails } from '../domain';
import type { SiteVisitsConfig } from '../site-visits.settings';

/** What contact-logging's `GET /api/v1/contacts/{crn}` says of the contact, the part a visit needs. */
interface ContactAnswer {
  details: {
    originatorContact?: { name?: string; telephone?: string | null; email?: string | null };
    description?: string;
    dtlEvidence?: Record<string, unknown>;
    isolation?: Record<string, unknown>;
    alternativeAddress?: AddressFields | null;
  };
}

/** What the register's `GET /api/v1/meter-points/{mprn}` says of the meter point, the part a visit needs. */
interface MeterPointAnswer {
  address?: AddressFields;
}

/**
 * Asks contact-logging for the contact's details (the originator's contact details, description,
 * evidence, alternative address) and the meter point register for the supply address, with the
 * credentials of the agent's request (RequestContext): each service applies its own rules to who
 * asks. Both are kept on the visit, so the transporter reads them on one page without asking either.
 */
@Injectable()
export class ReferralDetailsClient implements ReferralDetailsSource, OnApplicationShutdown {
  private readonly contactLogging: ServiceHttpClient;
  private readonly meterPoints: ServiceHttpClient;

  constructor(@Inject(SERVICE_CONFIG) config: SiteVisitsConfig, @Inject(RequestContext) context: RequestContext) {
    this.contactLogging = new ServiceHttpClient(config.CONTACT_LOGGING_URL, config.CONTACT_LOGGING_TIMEOUT_MS, context, detailsUnavailable);
    this.meterPoints = new ServiceHttpClient(config.METER_POINTS_URL, config.METER_POINTS_TIMEOUT_MS, context, detailsUnavailable);
  }

  async detailsOf(contact: ContactToVisit): Promise<ReferralDetails> {
    const [contactAnswer, meterPointAnswer] = await Promise.all([
      this.contactLogging.get(`/api/v1/contacts/${encodeURIComponent(contact.crn)}`),
      this.meterPoints.get(`/api/v1/meter-points/${encodeURIComponent(contact.mprn)}`),
    ]);
    if (contactAnswer.status !== 200) throw detailsUnavailable();
    const { details } = this.contactLogging.json<ContactAnswer>(contactAnswer);
    // A meter point gone from the register (404) leaves the visit with the addresses it has: the
    // alternative address, if any, and the MPRN.
    if (meterPointAnswer.status !== 200 && meterPointAnswer.status !== 404) throw detailsUnavailable();
    const meterPoint = meterPointAnswer.status === 200 ? this.meterPoints.json<MeterPointAnswer>(meterPointAnswer) : {};
    if (!details || typeof details !== 'object') throw detailsUnavailable();
    return {
      supplyAddress: meterPoint.address ?? null,
      alternativeAddress: details.alternativeAddress ?? null,
      originatorContact: {
        name: details.originatorContact?.name ?? '',
        telephone: details.originatorContact?.telephone ?? null,
        email: details.originatorContact?.email ?? null,
      },
      description: details.description ?? '',
      evidence: details.dtlEvidence ?? details.isolation ?? {},
    };
  }

  onApplicationShutdown(): void {
    this.contactLogging.close();
    this.meterPoints.close();
  }
}

function detailsUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'CONTACT_DETAILS_UNAVAILABLE',
    'Service unavailable',
    "The contact's details or its meter point's supply address could not be fetched; nothing was referred. Try again shortly.",
  );
}
