import { stopTracing, whenTracingStops } from './tracing-stop';

describe('stopTracing', () => {
  afterEach(() => jest.useRealTimers());

  it('is done at once when tracing was not started', async () => {
    await expect(stopTracing(1_000)).resolves.toBe(true);
  });

  it('waits for the started tracing to flush and shut down, once', async () => {
    const stops: string[] = [];
    whenTracingStops(async () => {
      stops.push('flushed');
    });

    await expect(stopTracing(1_000)).resolves.toBe(true);
    await expect(stopTracing(1_000)).resolves.toBe(true);
    expect(stops).toEqual(['flushed']);
  });

  it('gives up after the timeout when the collector does not answer, so that the stop goes on', async () => {
    jest.useFakeTimers();
    whenTracingStops(() => new Promise<void>(() => undefined)); // an export that never ends

    const stopping = stopTracing(2_000);
    let outcome: boolean | undefined;
    void stopping.then((value) => (outcome = value));
    await jest.advanceTimersByTimeAsync(1_999);
    expect(outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toBe(false);
  });
});
