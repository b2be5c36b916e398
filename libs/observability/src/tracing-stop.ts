/**
 * How a process flushes its spans when it stops. startTracing (tracing.ts) hands over how to stop the
 * SDK it started; the graceful stop (libs/service-defaults) calls stopTracing after the HTTP server and
 * the Kafka and database clients have closed. Kept apart from tracing.ts so that the service kit can
 * call it without loading the OpenTelemetry SDK into every process that imports the kit.
 */

let stopStarted: (() => Promise<void>) | undefined;

/** Called by startTracing: how to flush and shut down the SDK it started. */
export function whenTracingStops(stop: () => Promise<void>): void {
  stopStarted = stop;
}

/**
 * Exports the spans still batched and shuts tracing down (nothing to do when it was not started).
 * The batching span processor holds ended spans for up to 5 s before it sends them: a process that
 * exits without this loses the spans of its last requests. Gives up after `timeoutMs` (a collector
 * that does not answer must not hold up a stop): false then, true once done.
 */
export async function stopTracing(timeoutMs = Number.POSITIVE_INFINITY): Promise<boolean> {
  const stop = stopStarted;
  stopStarted = undefined;
  if (!stop) return true;
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<false>((resolve) => {
    if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([stop().then(() => true as const), givenUp]);
  } finally {
    clearTimeout(timer);
  }
}
