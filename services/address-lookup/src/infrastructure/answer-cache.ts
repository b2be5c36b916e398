/**
 * A small in-memory cache of a paid API's answers: at most `entries` kept, each for `ttlMs`; the
 * least recently used is dropped first to make room. A Map keeps its keys in insertion order, so
 * moving a key to the end on each use makes its first key the least recently used.
 */
export class AnswerCache<T> {
  private readonly kept = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly entries: number,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string): T | undefined {
    const entry = this.kept.get(key);
    if (!entry) return undefined;
    this.kept.delete(key);
    if (entry.expiresAt <= this.now()) return undefined;
    this.kept.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T): void {
    if (this.entries === 0) return;
    this.kept.delete(key);
    this.kept.set(key, { value, expiresAt: this.now() + this.ttlMs });
    if (this.kept.size > this.entries) this.kept.delete(this.kept.keys().next().value!);
  }

  get size(): number {
    return this.kept.size;
  }
}
