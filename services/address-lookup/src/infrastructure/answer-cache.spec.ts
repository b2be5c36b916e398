import { AnswerCache } from './answer-cache';

describe('the answer cache', () => {
  let now = 0;
  const clock = () => now;

  beforeEach(() => {
    now = 0;
  });

  it('gives back an answer until it is older than its time to live', () => {
    const cache = new AnswerCache<string>(10, 1_000, clock);
    cache.set('postcode:PR2 9QZ', 'fourteen addresses');

    now = 999;
    expect(cache.get('postcode:PR2 9QZ')).toBe('fourteen addresses');
    now = 1_000;
    expect(cache.get('postcode:PR2 9QZ')).toBeUndefined();
  });

  it('drops the least recently used answer to make room', () => {
    const cache = new AnswerCache<number>(2, 60_000, clock);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);

    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('keeps nothing when given no room', () => {
    const cache = new AnswerCache<number>(0, 60_000, clock);
    cache.set('a', 1);

    expect(cache.get('a')).toBeUndefined();
  });
});
