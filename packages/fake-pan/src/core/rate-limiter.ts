/**
 * Sliding-window rate limiter keyed by (caller, endpoint) (reference §10, §12 "Rate
 * limiting"). A call is allowed when fewer than `count` allowed calls happened in the last
 * `perMs` ms; refused calls are not counted, so a client that backs off gets through.
 */
import type { Clock } from '@pandesk/contract';
import { RATE_TABLE, ruleFor, type RateEntry } from './rate-table';

export interface RateLimiter {
  /** Records the call and returns true when allowed, false when over the limit. */
  allow(caller: string, endpoint: string, vip: boolean): boolean;
  reset(): void;
}

export interface RateLimiterOptions {
  clock: Clock;
  /** Length of the "1 second" window in ms, read on each call (tests may change it). */
  windowMs: () => number;
  table?: Readonly<Record<string, RateEntry>>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const table = options.table ?? RATE_TABLE;
  const history = new Map<string, number[]>();
  return {
    allow(caller, endpoint, vip) {
      const entry = table[endpoint];
      const limit = entry ? (vip ? entry.vip : entry.free) : null;
      if (limit === null) return true;
      const rule = ruleFor(limit, options.windowMs());
      const key = `${caller}\u0000${endpoint}`;
      const now = options.clock.now();
      const recent = (history.get(key) ?? []).filter((t) => t > now - rule.perMs);
      if (recent.length >= rule.count) {
        history.set(key, recent);
        return false;
      }
      recent.push(now);
      history.set(key, recent);
      return true;
    },
    reset: () => history.clear(),
  };
}
