import {
  allowedCommands,
  assign,
  canApply,
  resolve,
  RESOLUTION_REASON_MAX_LENGTH,
  transition,
  withdraw,
} from './contact-lifecycle';
import { CONTACT_STATUSES, ContactStatus } from './contact-status';
import { IllegalTransitionError } from './illegal-transition.error';
import { InvalidResolutionError } from './invalid-resolution.error';
import { LIFECYCLE_COMMANDS, LifecycleCommand } from './lifecycle-command';

const LEGAL: [ContactStatus, LifecycleCommand, ContactStatus][] = [
  ['LOGGED', 'ASSIGN', 'UNDER_INVESTIGATION'],
  ['LOGGED', 'WITHDRAW', 'WITHDRAWN'],
  ['UNDER_INVESTIGATION', 'WITHDRAW', 'WITHDRAWN'],
  ['UNDER_INVESTIGATION', 'RESOLVE', 'RESOLVED'],
];

const ILLEGAL: [ContactStatus, LifecycleCommand][] = CONTACT_STATUSES.flatMap((from) =>
  LIFECYCLE_COMMANDS.filter((command) => !LEGAL.some(([f, c]) => f === from && c === command)).map(
    (command): [ContactStatus, LifecycleCommand] => [from, command],
  ),
);

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected it to throw, it did not');
}

describe('contact lifecycle transitions', () => {
  it('has exactly eight illegal moves among the twelve status and command pairs', () => {
    expect(ILLEGAL).toHaveLength(8);
  });

  it.each(LEGAL)('a %s contact given %s becomes %s', (from, command, to) => {
    expect(canApply(from, command)).toBe(true);
    expect(transition(from, command)).toBe(to);
  });

  it.each(ILLEGAL)('a %s contact refuses %s with an IllegalTransitionError', (from, command) => {
    expect(canApply(from, command)).toBe(false);

    const error = thrownBy(() => transition(from, command));

    expect(error).toBeInstanceOf(IllegalTransitionError);
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', from, command });
  });

  it('explains a refused move in plain words, naming where it is allowed from', () => {
    const error = thrownBy(() => transition('LOGGED', 'RESOLVE'));

    expect((error as Error).message).toBe(
      'Cannot resolve a contact that is LOGGED: resolve is allowed only when the contact is UNDER_INVESTIGATION.',
    );
  });

  it('lists the commands each status accepts', () => {
    expect(allowedCommands('LOGGED')).toEqual(['ASSIGN', 'WITHDRAW']);
    expect(allowedCommands('UNDER_INVESTIGATION')).toEqual(['WITHDRAW', 'RESOLVE']);
    expect(allowedCommands('RESOLVED')).toEqual([]);
    expect(allowedCommands('WITHDRAWN')).toEqual([]);
  });
});

describe('assign and withdraw', () => {
  it('assigns a logged contact for investigation', () => {
    expect(assign('LOGGED')).toBe('UNDER_INVESTIGATION');
  });

  it('refuses to assign a contact already under investigation', () => {
    expect(() => assign('UNDER_INVESTIGATION')).toThrow(IllegalTransitionError);
  });

  it.each<ContactStatus>(['LOGGED', 'UNDER_INVESTIGATION'])('withdraws an open %s contact', (from) => {
    expect(withdraw(from)).toBe('WITHDRAWN');
  });

  it.each<ContactStatus>(['RESOLVED', 'WITHDRAWN'])('refuses to withdraw a %s contact', (from) => {
    expect(() => withdraw(from)).toThrow(IllegalTransitionError);
  });
});

describe('resolve', () => {
  it('sets a DTL meter point Live on a VALID outcome', () => {
    const resolved = resolve(
      { status: 'UNDER_INVESTIGATION', type: 'DTL' },
      { outcome: 'VALID', reason: '  Site visit confirmed gas flowing.  ' },
    );

    expect(resolved).toEqual({
      status: 'RESOLVED',
      outcome: 'VALID',
      reason: 'Site visit confirmed gas flowing.',
      meterPointStatusTo: 'LI',
    });
  });

  it.each<['DE' | 'LI', string]>([
    ['DE', 'DE'],
    ['LI', 'LI'],
  ])('sets an ISO meter point to the requested %s on a VALID outcome', (requestedStatus, expected) => {
    const resolved = resolve(
      { status: 'UNDER_INVESTIGATION', type: 'ISO', requestedStatus },
      { outcome: 'VALID', reason: 'Transporter confirmed the work.' },
    );

    expect(resolved.meterPointStatusTo).toBe(expected);
  });

  it('leaves the meter point as it is on an INVALID outcome', () => {
    const resolved = resolve(
      { status: 'UNDER_INVESTIGATION', type: 'ISO', requestedStatus: 'DE' },
      { outcome: 'INVALID', reason: 'No response to data clarification' },
    );

    expect(resolved).toMatchObject({ status: 'RESOLVED', outcome: 'INVALID', meterPointStatusTo: null });
  });

  it('uses the configured register codes for the target status', () => {
    const codes = { live: 'L', dead: 'D', capped: 'C1', clamped: 'C2', extinct: 'X' };

    const resolved = resolve(
      { status: 'UNDER_INVESTIGATION', type: 'DTL' },
      { outcome: 'VALID', reason: 'Confirmed.' },
      codes,
    );

    expect(resolved.meterPointStatusTo).toBe('L');
  });

  it('refuses to resolve a logged contact that nobody has investigated', () => {
    expect(() => resolve({ status: 'LOGGED', type: 'DTL' }, { outcome: 'VALID', reason: 'Confirmed.' })).toThrow(
      IllegalTransitionError,
    );
  });

  it('reports the illegal move before a bad reason when both are wrong', () => {
    expect(() => resolve({ status: 'RESOLVED', type: 'DTL' }, { outcome: 'VALID', reason: '' })).toThrow(
      IllegalTransitionError,
    );
  });

  it.each([
    ['a blank reason', '   ', 'A resolution needs a reason.'],
    ['a reason that is too long', 'x'.repeat(RESOLUTION_REASON_MAX_LENGTH + 1), 'at most 2000 characters'],
    ['a reason with a control character', 'Confirmed.\u0000', 'control characters'],
  ])('refuses %s', (_case, reason, message) => {
    const error = thrownBy(() => resolve({ status: 'UNDER_INVESTIGATION', type: 'DTL' }, { outcome: 'VALID', reason }));

    expect(error).toBeInstanceOf(InvalidResolutionError);
    expect(error).toMatchObject({ code: 'INVALID_RESOLUTION', field: 'reason' });
    expect((error as Error).message).toContain(message);
  });

  it('refuses an outcome that is neither VALID nor INVALID', () => {
    const error = thrownBy(() =>
      resolve(
        { status: 'UNDER_INVESTIGATION', type: 'DTL' },
        { outcome: 'MAYBE' as unknown as 'VALID', reason: 'Confirmed.' },
      ),
    );

    expect(error).toMatchObject({ code: 'INVALID_RESOLUTION', field: 'outcome' });
  });
});
