import { describe, expect, it } from 'vitest';
import { PanError } from '../errors';
import { createManualClock } from '@pandesk/contract/testing';
import { createLimiter } from './limiter';

/** Run `n` requests through the limiter, each taking `latencyMs`; return each start time. */
async function run(
  limiter: ReturnType<typeof createLimiter>,
  clock: ReturnType<typeof createManualClock>,
  key: Parameters<typeof limiter.acquire>[0],
  n: number,
  latencyMs: number,
): Promise<number[]> {
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      const release = await limiter.acquire(key);
      starts.push(clock.now());
      await clock.sleep(latencyMs);
      release();
    }),
  );
  return starts.sort((a, b) => a - b);
}

/** Largest number of starts inside any window of `windowMs` (what a sliding-window server counts). */
function maxInWindow(starts: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0; i < starts.length; i++) {
    let j = i;
    while (j < starts.length && starts[j]! - starts[i]! < windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

describe('limiter', () => {
  it('never lets more than q requests start in any one-second window, and stays close to q/s', async () => {
    const clock = createManualClock({ auto: true });
    const limiter = createLimiter({ clock, marginMs: 25 });
    const t0 = clock.now();
    const starts = await run(limiter, clock, 'mkdir', 50, 40);
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(5);
    const elapsed = starts[starts.length - 1]! - t0;
    // 50 requests at 5/s need at least 9 full windows after the first burst.
    expect(elapsed).toBeGreaterThanOrEqual(9000);
    expect(elapsed).toBeLessThanOrEqual(9 * (1000 + 25 + 40) + 1);
  });

  it('paces sub-1 QPS endpoints one at a time (v1 list: 0.2/s = one per 5 s)', async () => {
    const clock = createManualClock({ auto: true });
    const limiter = createLimiter({ clock, marginMs: 0 });
    const starts = await run(limiter, clock, 'list_v1', 3, 10);
    expect(starts[1]! - starts[0]!).toBe(5010);
    expect(starts[2]! - starts[1]!).toBe(5010);
  });

  it('switches to the VIP table (mkdir 5 → 20 per second)', async () => {
    const clock = createManualClock({ auto: true });
    const limiter = createLimiter({ clock });
    limiter.setTier('vip');
    expect(limiter.tier()).toBe('vip');
    const starts = await run(limiter, clock, 'mkdir', 20, 10);
    expect(starts[starts.length - 1]! - starts[0]!).toBe(0);
  });

  it('times single-step upload slots from the start, so long bodies do not serialise uploads', async () => {
    const clock = createManualClock({ auto: true });
    const limiter = createLimiter({ clock, marginMs: 0, longBodyMarginMs: 100 });
    const t0 = clock.now();
    // Three 10-second uploads at 1/s: they start 1.1 s apart, not 10 s apart.
    const starts = await run(limiter, clock, 'upload_single', 3, 10_000);
    expect(starts).toEqual([t0, t0 + 1100, t0 + 2200]);
  });

  it('holds every caller of an endpoint after a penalty', async () => {
    const clock = createManualClock({ auto: true });
    const limiter = createLimiter({ clock });
    const t0 = clock.now();
    limiter.penalize('list_v2', t0 + 3000);
    const release = await limiter.acquire('list_v2');
    expect(clock.now() - t0).toBe(3000);
    release();
    const other = await limiter.acquire('user_info');
    other();
  });

  it('passes unlimited endpoints straight through and can be disabled', async () => {
    const clock = createManualClock({ auto: true });
    const off = createLimiter({ clock, table: false });
    const t0 = clock.now();
    const starts = await run(off, clock, 'delete', 10, 5);
    expect(new Set(starts).size).toBe(1);
    off.penalize('delete', clock.now() + 700);
    const after = await run(off, clock, 'delete', 3, 5);
    expect(after).toEqual([t0 + 705, t0 + 705, t0 + 705]);
  });

  it('rejects a waiter whose signal aborts, and serves the rest', async () => {
    const clock = createManualClock();
    const limiter = createLimiter({ clock, marginMs: 0 });
    const first = await limiter.acquire('delete');
    const ctrl = new AbortController();
    const waiting = limiter.acquire('delete', ctrl.signal);
    const later = limiter.acquire('delete');
    ctrl.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    expect(await waiting.catch((e: unknown) => e instanceof PanError)).toBe(true);
    first();
    await clock.advance(1000);
    (await later)();
  });
});
