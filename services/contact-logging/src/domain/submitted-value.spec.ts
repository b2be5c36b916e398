import type { Rejection } from './rejection';
import { findTextFault, isAbsent, readChoice, readDigits, readText } from './submitted-value';

const rule = { field: 'x.y', label: 'The thing', required: true };

describe('isAbsent', () => {
  it('treats undefined, null and blank text as not given, and nothing else', () => {
    expect([undefined, null, '', '  '].map(isAbsent)).toEqual([true, true, true, true]);
    expect([0, false, 'a', {}].map(isAbsent)).toEqual([false, false, false, false]);
  });
});

describe('findTextFault', () => {
  it('finds nothing wrong with ordinary text, accents and emoji', () => {
    expect(findTextFault("Flat 2, Ty'n-y-Coed — Llanfair 🔥 Café")).toBeNull();
  });

  it.each(['\n', '\r', '\t', '\u0000', '\u001B', '\u007F', '\u0085', '\u202E', '\u2066'])(
    'refuses control character %p',
    (c) => {
      expect(findTextFault(`a${c}b`)).toBe('must not contain control characters such as line breaks or tabs');
    },
  );

  it('refuses a lone surrogate but accepts a pair', () => {
    expect(findTextFault('a\uD83Db')).toBe('contains characters that are not valid text');
    expect(findTextFault('a\uDD25')).toBe('contains characters that are not valid text');
    expect(findTextFault('a\uD83D\uDD25')).toBeNull();
  });
});

describe('readers', () => {
  it('reads text trimmed and reports a missing required item once', () => {
    const problems: Rejection[] = [];

    expect(readText('  hi  ', { ...rule, maxLength: 5 }, problems)).toBe('hi');
    expect(readText(undefined, { ...rule, maxLength: 5 }, problems)).toBeNull();
    expect(problems).toEqual([{ code: 'MANDATORY_FIELD', field: 'x.y', message: 'The thing is required.' }]);
  });

  it('reads nothing, silently, for an absent optional item', () => {
    const problems: Rejection[] = [];

    expect(readDigits(null, { ...rule, required: false, maxDigits: 3 }, problems)).toBeNull();
    expect(problems).toEqual([]);
  });

  it('matches choices exactly after trimming', () => {
    const problems: Rejection[] = [];

    expect(readChoice(' DE ', { ...rule, choices: ['DE', 'LI'] }, problems)).toBe('DE');
    expect(readChoice('de', { ...rule, choices: ['DE', 'LI'] }, problems)).toBeNull();
    expect(problems.map((p) => p.message)).toEqual(['The thing must be one of: DE, LI.']);
  });
});
