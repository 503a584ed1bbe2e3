/**
 * Token bucket per key, in this process. Each API process enforces the limit on its own share of traffic;
 * a burst from one key empties only that key's bucket, so other keys are served normally.
 */
export function createRateLimiter(defaultPerSecond: number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** Returns 0 when allowed, or the seconds to wait before retrying. */
    take(keyId: string, perSecond: number | null): number {
      const rate = perSecond ?? defaultPerSecond;
      const burst = rate; // one second's worth
      const now = Date.now();
      const b = buckets.get(keyId) ?? { tokens: burst, at: now };
      b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
      b.at = now;
      buckets.set(keyId, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / rate));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
