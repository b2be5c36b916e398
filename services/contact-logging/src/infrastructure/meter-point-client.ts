import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ProblemException, RequestContext, SERVICE_CONFIG, ServiceHttpClient } from '@cms/service-defaults';
import type { MeterPointRegister, RegisteredMeterPoint } from '../application/meter-point-register.port';
import type { ContactLoggingConfig } from '../contact-logging.config';

/**
 * Asks the meter point register (the meter-points service) about one MPRN, synchronously, with the
 * credentials of the request being served (RequestContext): the register sees who is asking.
 */
@Injectable()
export class MeterPointClient implements MeterPointRegister, OnApplicationShutdown {
  private readonly http: ServiceHttpClient;

  constructor(@Inject(SERVICE_CONFIG) config: ContactLoggingConfig, context: RequestContext) {
    this.http = new ServiceHttpClient(config.METER_POINTS_URL, config.METER_POINTS_TIMEOUT_MS, context, registerUnavailable);
  }

  /** The meter point, or null when the register has no such MPRN. */
  async find(mprn: string): Promise<RegisteredMeterPoint | null> {
    const answer = await this.http.get(`/api/v1/meter-points/${encodeURIComponent(mprn)}`);
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw registerUnavailable();
    const body = this.http.json<{
      mprn: string;
      status: { code: string };
      transporter: { organisationId: string };
      registeredShipper: { organisationId: string } | null;
      ldz?: string;
    }>(answer);
    return {
      mprn: body.mprn,
      status: body.status.code,
      transporterId: body.transporter.organisationId,
      registeredShipperId: body.registeredShipper?.organisationId ?? null,
      ldz: body.ldz ?? null,
    };
  }

  onApplicationShutdown(): void {
    this.http.close();
  }
}

function registerUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'METER_POINT_REGISTER_UNAVAILABLE',
    'Service unavailable',
    'The meter point register could not be reached; nothing was logged. Try again shortly.',
  );
}
