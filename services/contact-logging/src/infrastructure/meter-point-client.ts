import { ProblemException } from '@cms/service-defaults';

/** What logging needs to know of a meter point, from the register. */
export interface RegisteredMeterPoint {
  mprn: string;
  status: string;
  registeredShipperId: string | null;
  transporterId: string;
}

/**
 * Asks the meter point register (the meter-points service) about one MPRN, synchronously, with the
 * caller's own token: the register sees who is asking.
 */
export class MeterPointClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  /** The meter point, or null when the register has no such MPRN. */
  async find(mprn: string, authorization: string): Promise<RegisteredMeterPoint | null> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/v1/meter-points/${encodeURIComponent(mprn)}`, this.baseUrl), {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch {
      throw registerUnavailable();
    }
    if (response.status === 404) return null;
    if (!response.ok) throw registerUnavailable();
    const body = (await response.json()) as {
      mprn: string;
      status: { code: string };
      transporter: { organisationId: string };
      registeredShipper: { organisationId: string } | null;
    };
    return {
      mprn: body.mprn,
      status: body.status.code,
      transporterId: body.transporter.organisationId,
      registeredShipperId: body.registeredShipper?.organisationId ?? null,
    };
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
