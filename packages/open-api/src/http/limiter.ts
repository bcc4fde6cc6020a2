import { PanError } from '../errors';
import type { Clock } from '@pandesk/contract';
import { RATE_TABLE, type LimitKey, type RateFigure, type RateTier } from './rate-table';

/**
 * Proactive per-endpoint pacing, so bulk work stays under the service's limits instead of
 * bouncing off 429s.
 *
 * Model: an endpoint allowed q requests per second gets N = max(1, floor(q)) slots. A request
 * holds a slot while in flight; the slot opens again `window = N/q s + marginMs` after the
 * request RETURNS. The service counts a request when it arrives, which is always before we see
 * the answer, so any N+1 consecutive arrivals are more than one window apart whatever the
 * latency: a sliding one-second window on the server can never see more than q·1 s of them.
 * The cost is one round trip per slot cycle (small next to 1 s on loopback and on typical links).
 *
 * Exception, `LONG_BODY_KEYS`: for single-step uploads the request body can take minutes, yet the
 * service counts the request when its headers arrive. Holding the slot until the answer would
 * serialise uploads for no reason, so those slots reopen `window + longBodyMarginMs` after the
 * request STARTS instead (the extra margin covers header latency).
 *
 * `penalize` closes an endpoint until a time (used after a 429 so every caller backs off).
 * Waiters are served first come, first served.
 */
const LONG_BODY_KEYS: ReadonlySet<LimitKey> = new Set(['upload_single']);
export interface Limiter {
  /** Wait for a slot; the returned function must be called exactly once when the request ends. */
  acquire(key: LimitKey, signal?: AbortSignal): Promise<() => void>;
  penalize(key: LimitKey, untilMs: number): void;
  setTier(tier: RateTier): void;
  tier(): RateTier;
}

export interface LimiterOptions {
  clock: Clock;
  tier?: RateTier;
  /** Extra gap per window for timer and clock granularity, ms. */
  marginMs?: number;
  /** Extra gap for start-timed (long body) slots, ms. */
  longBodyMarginMs?: number;
  /** Replace figures (tests, or a changed table); false disables pacing entirely. */
  table?: Partial<Record<LimitKey, RateFigure>> | false;
}

interface Waiter {
  resolve: (release: () => void) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}
interface Lane {
  slots: number[];
  busy: number;
  queue: Waiter[];
  blockedUntil: number;
  timerAt: number;
}

export function createLimiter(options: LimiterOptions): Limiter {
  const { clock } = options;
  const margin = options.marginMs ?? 25;
  const longBodyMargin = options.longBodyMarginMs ?? 250;
  const table = options.table === false ? false : { ...RATE_TABLE, ...options.table };
  let tier: RateTier = options.tier ?? 'free';
  const lanes = new Map<LimitKey, Lane>();

  const shape = (key: LimitKey): { slots: number; windowMs: number } | null => {
    if (table === false) return null;
    const q = table[key][tier];
    if (q === null || q <= 0) return null;
    const slots = Math.max(1, Math.floor(q));
    return { slots, windowMs: (slots * 1000) / q + margin };
  };

  const lane = (key: LimitKey): Lane => {
    let l = lanes.get(key);
    if (!l) {
      l = { slots: [], busy: 0, queue: [], blockedUntil: 0, timerAt: Infinity };
      lanes.set(key, l);
    }
    return l;
  };

  const grant = (key: LimitKey, l: Lane, w: Waiter, windowMs: number): void => {
    w.signal?.removeEventListener('abort', w.onAbort);
    l.busy += 1;
    let released = false;
    const free = (at: number): void => {
      if (released) return;
      released = true;
      l.busy -= 1;
      l.slots.push(at);
      pump(key);
    };
    if (windowMs > 0 && LONG_BODY_KEYS.has(key)) {
      const reopenAt = clock.now() + windowMs + longBodyMargin;
      void clock.sleep(reopenAt - clock.now()).then(() => free(reopenAt));
      w.resolve(() => undefined);
      return;
    }
    w.resolve(() => free(clock.now() + windowMs));
  };

  const pump = (key: LimitKey): void => {
    const l = lane(key);
    const s = shape(key);
    if (!s) {
      // Unpaced, but a penalty (after a 429) still holds everyone back.
      if (l.queue.length > 0 && l.blockedUntil > clock.now()) schedule(key, l, l.blockedUntil);
      else for (const w of l.queue.splice(0)) grant(key, l, w, 0);
      return;
    }
    // Keep free slots + busy = s.slots (grows or shrinks when the tier changes).
    while (l.slots.length + l.busy < s.slots) l.slots.push(0);
    l.slots.sort((a, b) => a - b);
    while (l.slots.length > 0 && l.slots.length + l.busy > s.slots) l.slots.pop();
    while (l.queue.length > 0 && l.slots.length > 0) {
      const at = Math.max(l.slots[0]!, l.blockedUntil);
      const now = clock.now();
      if (at > now) {
        schedule(key, l, at);
        return;
      }
      l.slots.shift();
      grant(key, l, l.queue.shift()!, s.windowMs);
    }
  };

  const schedule = (key: LimitKey, l: Lane, at: number): void => {
    if (l.timerAt <= at) return;
    l.timerAt = at;
    void clock.sleep(at - clock.now()).then(() => {
      if (l.timerAt === at) l.timerAt = Infinity;
      pump(key);
    });
  };

  return {
    acquire(key, signal) {
      return new Promise<() => void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(
            new PanError('aborted', 'request aborted while waiting for a rate-limit slot', {
              cause: signal.reason,
            }),
          );
          return;
        }
        const l = lane(key);
        const waiter: Waiter = {
          resolve,
          reject,
          signal,
          onAbort: () => {
            const i = l.queue.indexOf(waiter);
            if (i !== -1) l.queue.splice(i, 1);
            reject(
              new PanError('aborted', 'request aborted while waiting for a rate-limit slot', {
                cause: signal?.reason,
              }),
            );
          },
        };
        signal?.addEventListener('abort', waiter.onAbort, { once: true });
        l.queue.push(waiter);
        pump(key);
      });
    },
    penalize(key, untilMs) {
      const l = lane(key);
      l.blockedUntil = Math.max(l.blockedUntil, untilMs);
    },
    setTier(next) {
      if (next === tier) return;
      tier = next;
      for (const key of lanes.keys()) pump(key);
    },
    tier: () => tier,
  };
}
