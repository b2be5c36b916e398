/**
 * kafkajs 2.2.4 (its latest release) re-arms a timer every millisecond on every broker connection
 * while nothing is queued: `scheduleCheckPendingRequests` computes `throttledUntil - now`, which is
 * negative when no throttle is in force, and hands it to `setTimeout` (Node clamps it to 1 ms and
 * prints TimeoutNegativeWarning). Each tick re-schedules the next, so an idle service wakes about a
 * thousand times a second per connection, and a busy one spends a share of its CPU on the loop.
 * Upstream: https://github.com/tulios/kafkajs/issues/1751.
 *
 * The fix keeps kafkajs's own logic but only schedules a check when a request is waiting: a request
 * that cannot be sent at once is queued by `push`, which schedules the check itself, and every
 * answered or timed-out request checks the queue again. Applied once, when the adapter is loaded.
 */
// kafkajs publishes no types for its internals; this is the shape of the one we patch.
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

// Kafka's client-side throttle re-check interval in kafkajs (CHECK_PENDING_REQUESTS_INTERVAL).
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

// A deep path of kafkajs (no "exports" map restricts it); the version is pinned in package.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueInternals };

function scheduleCheckPendingRequests(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const throttledFor = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(
    () => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    },
    throttledFor > 0 ? throttledFor : CHECK_PENDING_REQUESTS_INTERVAL_MS,
  );
}

export function applyKafkaJsIdleTimerFix(): void {
  RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
}

applyKafkaJsIdleTimerFix();
