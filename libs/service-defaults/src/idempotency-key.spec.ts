import { fingerprint } from './idempotency';
import { readIdempotencyKey } from './idempotency-key';
import { ProblemException } from './problem.exception';

describe('readIdempotencyKey', () => {
  it('is undefined when the header is absent: the write runs without idempotency', () => {
    expect(readIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['a UUID', '0b9e4f0e-5c1b-4a8e-9f4e-2a7d1c3b5e6f'],
    ['one character', 'x'],
    ['255 characters', 'k'.repeat(255)],
    ['printable punctuation and spaces', 'order 42: retry #1 ~!@{}'],
  ])('accepts %s', (_name, key) => {
    expect(readIdempotencyKey(key)).toBe(key);
  });

  it.each([
    ['an empty key', ''],
    ['256 characters', 'k'.repeat(256)],
    ['a non-ASCII character', 'clé-1'],
    ['a control character', 'key\u0007'],
    ['a tab', 'key\tkey'],
  ])('refuses %s with 400 INVALID_IDEMPOTENCY_KEY naming the header', (_name, key) => {
    let refusal: unknown;
    try {
      readIdempotencyKey(key);
    } catch (error) {
      refusal = error;
    }

    expect(refusal).toBeInstanceOf(ProblemException);
    expect(refusal).toEqual(expect.objectContaining({ status: 400, code: 'INVALID_IDEMPOTENCY_KEY' }));
    expect((refusal as ProblemException).errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});

describe('fingerprint of a request body', () => {
  it('ignores key order and spacing', () => {
    expect(fingerprint(JSON.parse('{"a": 1, "b": {"c": [1, 2], "d": null}}'))).toBe(fingerprint({ b: { d: null, c: [1, 2] }, a: 1 }));
  });

  it('differs when a value differs', () => {
    expect(fingerprint({ mprn: '3938424403' })).not.toBe(fingerprint({ mprn: '3938424404' }));
    expect(fingerprint({ list: [1, 2] })).not.toBe(fingerprint({ list: [2, 1] }));
  });
});
