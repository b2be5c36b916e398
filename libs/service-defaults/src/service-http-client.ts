import { Agent, request } from 'node:http';
import { CLIENT_IDLE_CONNECTION_MS, failedOnStaleConnection, sendOnceMoreIfStale, StaleConnectionError } from './kept-alive-connections';
import type { ProblemException } from './problem.exception';
import { Replicas } from './replicas';
import type { RequestContext } from './request-context';

export interface ServiceAnswer {
  status: number;
  body: string;
}

/**
 * GET requests to another CMS service with the credentials of the request being served (its
 * `Authorization` header, from RequestContext), so that the other service sees who is asking and
 * applies its own rules. Each adapter that calls a service holds one, with the problem its callers
 * get when the service cannot be asked (no answer: refused, reset, timed out; or an answer that is
 * not JSON): `unavailable`, a 503. With several replicas' URLs it asks them in turn, moving on
 * from one that cannot be reached (Replicas: these are GETs, which may be repeated).
 */
export class ServiceHttpClient {
  // Kept-alive connections: a request must not pay for a TCP handshake to the other service.
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: CLIENT_IDLE_CONNECTION_MS });

  private readonly replicas: Replicas;

  constructor(
    urls: readonly string[],
    private readonly timeoutMs: number,
    private readonly context: RequestContext,
    private readonly unavailable: () => ProblemException,
  ) {
    this.replicas = new Replicas(urls);
  }

  /** The service's answer to a GET of `path`, on behalf of the caller being served. */
  async get(path: string): Promise<ServiceAnswer> {
    const authorization = this.context.authorization();
    if (!authorization) throw new Error(`${this.replicas} is asked on behalf of a signed-in caller only`);
    try {
      // The service may close an idle kept-alive connection as a request goes out on it (it is
      // stopping, say): never read there, so asked once more, on a new connection.
      return await this.replicas.send(true, (baseUrl) => sendOnceMoreIfStale((mayRetry) => this.send(baseUrl, path, authorization, mayRetry)));
    } catch {
      throw this.unavailable();
    }
  }

  /** The JSON body of an answer. */
  json<T>(answer: ServiceAnswer): T {
    try {
      return JSON.parse(answer.body) as T;
    } catch {
      throw this.unavailable();
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private send(baseUrl: string, path: string, authorization: string, mayRetry: boolean): Promise<ServiceAnswer> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const outgoing = request(
        new URL(path, baseUrl),
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
      outgoing.on('timeout', () => outgoing.destroy(new Error(`${baseUrl} timed out`)));
      outgoing.on('error', (error) => reject(mayRetry && failedOnStaleConnection(outgoing, error, answered) ? new StaleConnectionError() : error));
      outgoing.end();
    });
  }
}
