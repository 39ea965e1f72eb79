/** Outcome of taking one call from a caller's allowance. */
export type Admission = { ok: true } | { ok: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * A token bucket per caller: `perMinute` calls in a burst, refilled evenly over a minute,
 * so a steady caller at the limit is never refused and a burst beyond it waits.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(private readonly perMinute: number) {
    this.refillPerMs = perMinute / 60000;
  }

  /** Takes one call for `caller` at `nowMs`; when none is left, says how long to wait. */
  take(caller: string, nowMs: number): Admission {
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, updatedMs: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedMs);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + elapsed * this.refillPerMs);
    bucket.updatedMs = nowMs;
    this.buckets.set(caller, bucket);

    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { ok: false, retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
}
