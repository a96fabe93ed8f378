/** Token buckets in memory: enough for one reference server; a fleet would keep them in a shared store. */
export interface BucketRule {
  capacity: number;
  refillPerSecond: number;
}

export interface Allowance {
  /** Seconds until one token is available; 0 when there is one now. */
  wait: number;
  /** Whole tokens left (before taking one). */
  remaining: number;
  capacity: number;
  /** Seconds until the bucket is full again. */
  reset: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(readonly rule: BucketRule) {}

  /** What the bucket allows now, without taking anything. */
  peek(key: string, now = Date.now()): Allowance {
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond)
      : this.rule.capacity;
    return {
      wait: tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / this.rule.refillPerSecond)),
      remaining: Math.floor(tokens),
      capacity: this.rule.capacity,
      reset: Math.ceil((this.rule.capacity - tokens) / this.rule.refillPerSecond),
    };
  }

  /** Takes one token; call only after `peek` said there is one. */
  take(key: string, now = Date.now()): void {
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond)
      : this.rule.capacity;
    // A crude bound on memory: forgetting every bucket only ever gives clients more, never less.
    if (this.buckets.size > 50_000) this.buckets.clear();
    this.buckets.set(key, { tokens: tokens - 1, at: now });
  }
}

/**
 * Checks every limit first and spends from all of them only when all allow: a request refused by one
 * limit spends no other budget (so a client over its own limit cannot drain the shared per-key budget).
 * Returns the tightest allowance, for the `RateLimit-*` headers.
 */
export function takeAll(limits: readonly (readonly [RateLimiter, string])[], now = Date.now()): Allowance {
  const allowances = limits.map(([limiter, key]) => limiter.peek(key, now));
  const refused = allowances.filter((a) => a.wait > 0);
  if (refused.length > 0) {
    return refused.reduce((a, b) => (b.wait > a.wait ? b : a));
  }
  for (const [limiter, key] of limits) limiter.take(key, now);
  // What is left after this request, on the tightest limit.
  const left = limits
    .map(([limiter, key]) => limiter.peek(key, now))
    .reduce((a, b) => (b.remaining < a.remaining ? b : a));
  return { ...left, wait: 0 };
}
