import { allowedCommands, canApply, transition } from './contact-lifecycle';
import { CONTACT_STATUSES, ContactStatus } from './contact-status';
import { IllegalTransitionError } from './illegal-transition.error';
import { LIFECYCLE_COMMANDS, LifecycleCommand } from './lifecycle-command';

const LEGAL: [ContactStatus, LifecycleCommand, ContactStatus][] = [
  ['LOGGED', 'ASSIGN', 'UNDER_INVESTIGATION'],
  ['UNDER_INVESTIGATION', 'ASSIGN', 'UNDER_INVESTIGATION'],
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
  it('has exactly seven illegal moves among the twelve status and command pairs', () => {
    expect(ILLEGAL).toHaveLength(7);
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
    expect(allowedCommands('UNDER_INVESTIGATION')).toEqual(['ASSIGN', 'WITHDRAW', 'RESOLVE']);
    expect(allowedCommands('RESOLVED')).toEqual([]);
    expect(allowedCommands('WITHDRAWN')).toEqual([]);
  });
});
