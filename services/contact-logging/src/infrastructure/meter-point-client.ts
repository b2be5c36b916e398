import { Agent, request } from 'node:http';
import {
  CLIENT_IDLE_CONNECTION_MS,
  failedOnStaleConnection,
  ProblemException,
  sendOnceMoreIfStale,
  StaleConnectionError,
} from '@cms/service-defaults';

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
  // Kept-alive connections: a logging request must not pay for a TCP handshake to the register.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: CLIENT_IDLE_CONNECTION_MS });

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  /** The meter point, or null when the register has no such MPRN. */
  async find(mprn: string, authorization: string): Promise<RegisteredMeterPoint | null> {
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
    };
  }

  close(): void {
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
