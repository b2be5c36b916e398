import { checkTimerDeclarations, type TimerHandler } from './timers';
import { timerRetryDelayMs } from './timers.runner';

class Handler implements TimerHandler {
  async fire(): Promise<void> {}
}

describe('the retry delay of a failing timer', () => {
  const options = { pollIntervalMs: 5_000, maxRetryDelayMs: 60_000 };

  it('is one poll interval after the first failure, then doubles', () => {
    expect([1, 2, 3, 4].map((attempts) => timerRetryDelayMs(attempts, options))).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ]);
  });

  it('never exceeds the longest retry delay, however many failures', () => {
    expect(timerRetryDelayMs(5, options)).toBe(60_000);
    expect(timerRetryDelayMs(10_000, options)).toBe(60_000);
  });
});

describe('timer declarations', () => {
  it('accept distinct kinds', () => {
    expect(() =>
      checkTimerDeclarations([
        { kind: 'contact.due', handler: Handler },
        { kind: 'contact.reminder', handler: Handler },
      ]),
    ).not.toThrow();
  });

  it('refuse a kind declared twice, or a blank one', () => {
    expect(() =>
      checkTimerDeclarations([
        { kind: 'contact.due', handler: Handler },
        { kind: 'contact.due', handler: Handler },
      ]),
    ).toThrow(/twice/);
    expect(() => checkTimerDeclarations([{ kind: ' ', handler: Handler }])).toThrow(/blank/);
  });
});
