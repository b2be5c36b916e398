import { Agent, request } from 'node:http';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  CLIENT_IDLE_CONNECTION_MS,
  failedOnStaleConnection,
  ProblemException,
  RequestContext,
  SERVICE_CONFIG,
  sendOnceMoreIfStale,
  StaleConnectionError,
} from '@cms/service-defaults';
import type { MeterPointRegister, RegisteredMeterPoint } from '../application/meter-point-register.port';
import type { ContactLoggingConfig } from '../contact-logging.config';

/**
 * Asks the meter point register (the meter-points service) about one MPRN, synchronously, with the
 * credentials of the request being served (RequestContext): the register sees who is asking.
 */
@Injectable()
export class MeterPointClient implements MeterPointRegister, OnApplicationShutdown {
  // Kept-alive connections: a logging request must not pay for a TCP handshake to the register.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: CLIENT_IDLE_CONNECTION_MS });

  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(
    @Inject(SERVICE_CONFIG) config: ContactLoggingConfig,
    private readonly context: RequestContext,
  ) {
    this.baseUrl = config.METER_POINTS_URL;
    this.timeoutMs = config.METER_POINTS_TIMEOUT_MS;
  }

  /** The meter point, or null when the register has no such MPRN. */
  async find(mprn: string): Promise<RegisteredMeterPoint | null> {
    const authorization = this.context.authorization();
    if (!authorization) throw new Error('the meter point register is asked on behalf of a signed-in caller only');
    let answer: { status: number; body: string };
    try {
      answer = await this.get(`/api/v1/meter-points/${encodeURIComponent(mprn)}`, authorization);
    } catch {
      throw registerUnavailable();
    }
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw registerUnavailable();
    let body: {
      mprn: string;
      status: { code: string };
      transporter: { organisationId: string };
      registeredShipper: { organisationId: string } | null;
      ldz?: string;
    };
    try {
      body = JSON.parse(answer.body);
    } catch {
      throw registerUnavailable();
    }
    return {
      mprn: body.mprn,
      status: body.status.code,
      transporterId: body.transporter.organisationId,
      registeredShipperId: body.registeredShipper?.organisationId ?? null,
      ldz: body.ldz ?? null,
    };
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  private get(path: string, authorization: string): Promise<{ status: number; body: string }> {
    // The register may close an idle kept-alive connection as a request goes out on it (it is
    // stopping, say): never read there, so asked once more, on a new connection.
    return sendOnceMoreIfStale((mayRetry) => this.send(path, authorization, mayRetry));
  }

  private send(path: string, authorization: string, mayRetry: boolean): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const outgoing = request(
        new URL(path, this.baseUrl),
        // A second attempt takes a connection of its own: another pooled one may be just as stale.
        { headers: { authorization, accept: 'application/json' }, agent: mayRetry ? this.agent : false, timeout: this.timeoutMs },
        (incoming) => {
          answered = true;
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', reject);
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('meter point register timed out')));
      outgoing.on('error', (error) => reject(mayRetry && failedOnStaleConnection(outgoing, error, answered) ? new StaleConnectionError() : error));
      outgoing.end();
    });
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
