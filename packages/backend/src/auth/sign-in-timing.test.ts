import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGN_IN_TIMING, retryDelayMs } from './sign-in-timing';

describe('retryDelayMs', () => {
  const timing = { ...DEFAULT_SIGN_IN_TIMING, retryBaseMs: 1000, retryCapMs: 30_000 };

  it('doubles per failure and keeps half of the pause fixed, half random', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, timing, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, timing, () => 0.5))).toEqual([750, 1500, 3000, 6000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(retryDelayMs(6, timing, () => 0.999_999)).toBe(30_000);
    expect(retryDelayMs(60, timing, () => 0.999_999)).toBe(30_000);
    expect(retryDelayMs(60, timing, () => 0)).toBe(15_000);
  });
});
