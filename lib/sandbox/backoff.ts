/**
 * Per-partner back-off of session.start after wrong secrets. The first FREE failures cost nothing
 * (typos); after that each failure locks the partner's session.start for a doubling time (1 s,
 * 2 s, 4 s ... at most 60 s) during which every attempt is refused before its secret is even
 * compared, so guessing runs at about one guess per lock, however many requests run in parallel.
 * A success clears the count; so do 15 minutes without failures. Kept in memory (a restart
 * forgets it).
 */
const FREE = 5;
const FIRST_LOCK_MS = 1000;
const MAX_LOCK_MS = 60_000;
const FORGET_MS = 15 * 60_000;

interface State {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

export class LoginBackoff {
  private readonly partners = new Map<number, State>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the partner must still wait (0: an attempt may be checked now). */
  wait(partnerId: number): number {
    const s = this.partners.get(partnerId);
    if (!s) return 0;
    const t = this.now();
    if (t - s.lastFailure > FORGET_MS) {
      this.partners.delete(partnerId);
      return 0;
    }
    return Math.max(0, s.lockedUntil - t);
  }

  failed(partnerId: number): void {
    const t = this.now();
    let s = this.partners.get(partnerId);
    if (!s || t - s.lastFailure > FORGET_MS) s = { failures: 0, lockedUntil: 0, lastFailure: t };
    s.failures++;
    s.lastFailure = t;
    if (s.failures > FREE) s.lockedUntil = t + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (s.failures - FREE - 1));
    this.partners.set(partnerId, s);
    if (this.partners.size > 10_000) this.partners.delete(this.partners.keys().next().value!);
  }

  succeeded(partnerId: number): void {
    this.partners.delete(partnerId);
  }
}
