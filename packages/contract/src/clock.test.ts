import { expect, it } from 'vitest';
import { systemClock } from './clock';

it('the system clock reads Date.now', () => {
  const before = Date.now();
  const now = systemClock.now();
  expect(now).toBeGreaterThanOrEqual(before);
  expect(now).toBeLessThanOrEqual(Date.now());
});

it('a sleep resolves, and rejects with the reason when aborted before or during it', async () => {
  await expect(systemClock.sleep(0)).resolves.toBeUndefined();
  const early = new AbortController();
  early.abort(new Error('stopped before'));
  await expect(systemClock.sleep(10, early.signal)).rejects.toThrow('stopped before');
  const late = new AbortController();
  const sleeping = systemClock.sleep(60_000, late.signal);
  late.abort(new Error('stopped during'));
  await expect(sleeping).rejects.toThrow('stopped during');
});
