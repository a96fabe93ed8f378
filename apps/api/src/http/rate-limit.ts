/** Token buckets in memory: enough for one reference server; a fleet would keep them in a shared store. */
export interface BucketRule {
  capacity: number;
  refillPerSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rule: BucketRule) {}

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(key: string, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: this.rule.capacity, at: now };
    const tokens = Math.min(
      this.rule.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.rule.refillPerSecond,
    );
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > 50_000) this.buckets.clear();
    return Math.max(1, Math.ceil((1 - tokens) / this.rule.refillPerSecond));
  }
}
