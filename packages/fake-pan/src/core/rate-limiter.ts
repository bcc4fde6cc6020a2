/**
 * Sliding-window rate limiter keyed by (caller, endpoint) (reference §10, §12 "Rate
 * limiting"). A call is allowed when fewer than `count` allowed calls happened in the last
 * `perMs` ms; refused calls are not counted, so a client that backs off gets through. Refusals
 * are tallied per endpoint (`refusals`), so a benchmark can tell how often a client was refused.
 */
import type { Clock } from '@pandesk/contract';
import { RATE_TABLE, ruleFor, type RateEntry, type RateRule } from './rate-table';

export interface RateLimiter {
  /** Records the call and returns true when allowed, false when over the limit. */
  allow(caller: string, endpoint: string, vip: boolean): boolean;
  /** Calls refused so far, per endpoint (cleared by `reset`). */
  refusals(): Record<string, number>;
  reset(): void;
}

export interface RateLimiterOptions {
  clock: Clock;
  /** Length of the "1 second" window in ms, read on each call (tests may change it). */
  windowMs: () => number;
  /** Multiplier of every figure of the table, read on each call (1 = as published). */
  scale?: () => number;
  table?: Readonly<Record<string, RateEntry>>;
}

/** A figure multiplied by `scale` (a rule keeps its period and allows `scale` times the calls). */
function scaled(limit: number | RateRule, scale: number): number | RateRule {
  if (scale === 1) return limit;
  return typeof limit === 'number'
    ? limit * scale
    : { ...limit, count: Math.max(1, Math.floor(limit.count * scale)) };
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const table = options.table ?? RATE_TABLE;
  const history = new Map<string, number[]>();
  const refused = new Map<string, number>();
  return {
    allow(caller, endpoint, vip) {
      const entry = table[endpoint];
      const limit = entry ? (vip ? entry.vip : entry.free) : null;
      if (limit === null) return true;
      const rule = ruleFor(scaled(limit, options.scale?.() ?? 1), options.windowMs());
      const key = `${caller}\u0000${endpoint}`;
      const now = options.clock.now();
      const recent = (history.get(key) ?? []).filter((t) => t > now - rule.perMs);
      if (recent.length >= rule.count) {
        history.set(key, recent);
        refused.set(endpoint, (refused.get(endpoint) ?? 0) + 1);
        return false;
      }
      recent.push(now);
      history.set(key, recent);
      return true;
    },
    refusals: () => Object.fromEntries(refused),
    reset() {
      history.clear();
      refused.clear();
    },
  };
}
