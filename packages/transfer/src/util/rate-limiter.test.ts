import { describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { createRateLimiter } from './rate-limiter';

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

describe('rate limiter (token bucket)', () => {
  it('passes everything at once when unlimited', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter(clock, 0);
    await limiter.take(10_000_000);
    expect(clock.pending()).toBe(0);
  });

  it('lets a burst of one second through, then paces to the rate', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter(clock, 1000);
    await limiter.take(1000); // the initial bucket
    let done = false;
    void limiter.take(2000).then(() => (done = true));
    await settle();
    await clock.advance(1500);
    expect(done).toBe(false);
    await clock.advance(600);
    expect(done).toBe(true);
  });

  it('applies a new rate live to waiters', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter(clock, 100);
    await limiter.take(100);
    let done = false;
    void limiter.take(10_000).then(() => (done = true));
    await settle();
    await clock.advance(1000);
    expect(done).toBe(false);
    limiter.setRate(100_000);
    await clock.advance(500);
    expect(done).toBe(true);
    limiter.setRate(0);
    await limiter.take(1e9);
  });

  it('serves waiters in arrival order and stops on abort', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter(clock, 1000);
    await limiter.take(1000);
    const order: string[] = [];
    const controller = new AbortController();
    const a = limiter.take(500).then(() => order.push('a'));
    const b = limiter.take(500, controller.signal).then(
      () => order.push('b'),
      () => order.push('b-aborted'),
    );
    const c = limiter.take(500).then(() => order.push('c'));
    await settle();
    controller.abort();
    await clock.advance(2000);
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b-aborted', 'c']);
  });
});
