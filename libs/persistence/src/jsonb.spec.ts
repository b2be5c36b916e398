import { toStorableJson } from './jsonb';

describe('toStorableJson', () => {
  it('replaces NUL characters and lone surrogates, in keys and values, at any depth', () => {
    const stored = toStorableJson({ 'a\u0000': ['x\uD800y', { deep: 'ok \uDC00' }], n: 1, b: true, z: null });
    expect(stored).toEqual({ 'a\uFFFD': ['x\uFFFDy', { deep: 'ok \uFFFD' }], n: 1, b: true, z: null });
  });

  it('leaves well-formed text, surrogate pairs included, as it is', () => {
    expect(toStorableJson({ text: 'gas 🔥 £ é' })).toEqual({ text: 'gas 🔥 £ é' });
  });
});
