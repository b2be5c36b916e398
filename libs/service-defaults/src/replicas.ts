/**
 * How long a replica that could not be reached is passed over: long enough for the requests after
 * the first failure to go elsewhere while it restarts, short enough to take it back soon after.
 */
export const REPLICA_REST_MS = 2_000;

/** Connection errors raised before a byte of the request left: sending it elsewhere is always safe. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Connection errors after the request may have been read: safe to send elsewhere only if repeating it is. */
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE']);

/** Methods whose repetition has the effect of one (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * A request that may be sent again to another replica if the first cannot answer it: an idempotent
 * method, or a command carrying an Idempotency-Key (the service answers a repeat with the first
 * answer, libs/service-defaults idempotency.ts).
 */
export function isRepeatable(method: string, headers: Record<string, unknown>): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) || typeof headers['idempotency-key'] === 'string';
}

/** The error code of a failed request (Node's http, or fetch's cause). */
function codeOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof candidate?.code === 'string') return candidate.code;
  if (typeof candidate?.cause?.code === 'string') return candidate.cause.code;
  return undefined;
}

/**
 * Whether a request that failed with `error`, before any answer began, may go to another replica:
 * always when it never left (the connection was refused), and when the connection dropped after it
 * left only if it is repeatable. A timeout or an answer, even a 5xx, is the replica's answer.
 */
export function mayTryAnotherReplica(error: unknown, repeatable: boolean): boolean {
  const code = codeOf(error);
  if (code === undefined) return false;
  return NOT_SENT_CODES.has(code) || (repeatable && DROPPED_CODES.has(code));
}

/**
 * The replicas of one service a process sends requests to (its `<NAME>_URL`: one URL, or one per
 * replica where no load balancer stands in front of them). Each request starts at the next replica
 * in turn; one that could not be reached rests for REPLICA_REST_MS, tried only after the others.
 * With one URL (a Kubernetes Service, say) this is a plain client of that address.
 */
export class Replicas {
  private next = 0;
  private readonly restingUntil = new Map<string, number>();

  constructor(
    readonly urls: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    if (urls.length === 0) throw new Error('a service needs at least one replica URL');
  }

  /** The order to try the replicas in for one request: in turn, those resting last. */
  order(): string[] {
    const start = this.next;
    this.next = (this.next + 1) % this.urls.length;
    const turn = [...this.urls.slice(start), ...this.urls.slice(0, start)];
    const time = this.now();
    const awake = turn.filter((url) => (this.restingUntil.get(url) ?? 0) <= time);
    return [...awake, ...turn.filter((url) => !awake.includes(url))];
  }

  /** The replica could not be reached: passed over for a moment. */
  unreachable(url: string): void {
    this.restingUntil.set(url, this.now() + REPLICA_REST_MS);
  }

  /**
   * Sends one request through `send`, to the replicas in order, moving on from one that could not be
   * reached while `mayTryAnotherReplica` allows; the last error when none could.
   */
  async send<T>(repeatable: boolean, send: (url: string) => Promise<T>): Promise<T> {
    let failure: unknown;
    for (const url of this.order()) {
      try {
        return await send(url);
      } catch (error) {
        if (!mayTryAnotherReplica(error, repeatable)) throw error;
        this.unreachable(url);
        failure = error;
      }
    }
    throw failure;
  }

  /** `fetch` of `path` on the replicas (send): repeatable unless told otherwise when its method is (isRepeatable). */
  fetch(path: string, init: RequestInit = {}, repeatable = isRepeatable(init.method ?? 'GET', {})): Promise<Response> {
    return this.send(repeatable, (url) => fetch(new URL(path, url), init));
  }

  /** The replicas' addresses, for logs and readiness names. */
  toString(): string {
    return this.urls.join(',');
  }
}
