/**
 * Sliding-window limit on login attempts per key (email and client address), in memory.
 * One api instance holds its own window; behind a load balancer each instance limits on its
 * own, and the account lockout (in the database) still caps guessing for an account.
 */
export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the key is over its limit in the window. */
  tryAcquire(key: string, nowMs: number): boolean {
    const recent = (this.attempts.get(key) ?? []).filter((t) => nowMs - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.attempts.set(key, recent);
    if (this.attempts.size > 10_000) this.forgetOlderThan(nowMs);
    return true;
  }

  private forgetOlderThan(nowMs: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => nowMs - t >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
