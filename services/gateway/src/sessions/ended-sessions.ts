/**
 * Sign-in sessions that ended before their time (signed out, user suspended, password changed or
 * reset, refresh token reused), as access-control announced them: their access tokens are refused
 * from the moment the gateway hears of it, not when they expire (docs/quality.md "Security").
 * A session is remembered for `rememberMs` after it ended: longer than any access token lives.
 */
export class EndedSessions {
  /** Session id → when it may be forgotten (epoch ms). */
  private readonly forgetAt = new Map<string, number>();
  private recordedSincePrune = 0;
  private readonly listeners: ((sessionIds: readonly string[]) => void)[] = [];

  constructor(
    private readonly rememberMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.forgetAt.size;
  }

  /** Calls `listener` with the sessions of each end recorded (the proxy closes their open event streams). */
  onEnded(listener: (sessionIds: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  record(ended: { sessionIds: readonly string[]; endedAt: string }): void {
    const forgetAt = Date.parse(ended.endedAt) + this.rememberMs;
    if (!(forgetAt > this.now())) return; // its tokens have all expired already
    for (const listener of this.listeners) listener(ended.sessionIds);
    for (const sessionId of ended.sessionIds) {
      this.forgetAt.set(sessionId, Math.max(forgetAt, this.forgetAt.get(sessionId) ?? 0));
    }
    // Bounded memory: sessions past their time are dropped now and then, not on every record.
    if (++this.recordedSincePrune >= 1_000) this.prune();
  }

  /** Whether a token of this session must be refused. A token without a session (a partner system's) never is. */
  hasEnded(sessionId: string | undefined): boolean {
    if (sessionId === undefined) return false;
    const forgetAt = this.forgetAt.get(sessionId);
    if (forgetAt === undefined) return false;
    if (forgetAt > this.now()) return true;
    this.forgetAt.delete(sessionId);
    return false;
  }

  private prune(): void {
    this.recordedSincePrune = 0;
    const now = this.now();
    for (const [sessionId, forgetAt] of this.forgetAt) if (forgetAt <= now) this.forgetAt.delete(sessionId);
  }
}
