// Loading the module applies the fix, as loading the Kafka adapter does in every service.
import './kafkajs-idle-timer-fix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

interface TestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  maybeThrottle(milliseconds: number): void;
  destroy(): void;
}

function newQueue(): TestQueue {
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  return new RequestQueue({ maxInFlightRequests: 1, requestTimeout: 30_000, clientId: 'test', broker: 'localhost:9092', logger: silent });
}

describe('kafkajs idle timer fix', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves an idle connection without a timer (kafkajs 2.2.4 re-arms one every millisecond)', () => {
    const queue = newQueue();
    queue.checkPendingRequests(); // what every answered request does
    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(jest.getTimerCount()).toBe(0);
    queue.destroy();
  });

  it('still re-checks a queued request when the broker throttle ends', () => {
    const queue = newQueue();
    const queued = { send: jest.fn(), expectResponse: true, correlationId: 1 };
    queue.maybeThrottle(250);
    queue.pending.push(queued);
    queue.checkPendingRequests();
    expect(queued.send).not.toHaveBeenCalled();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
    queue.throttledUntil = Date.now() - 1; // the throttle has ended
    jest.advanceTimersByTime(250);
    expect(queue.pending).toHaveLength(0);
    expect(queued.send).toHaveBeenCalledTimes(1);
    queue.destroy();
  });
});
