import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock';

describe('createManualClock', () => {
  it('moves only when advanced, waking sleepers in due order, each at its own due time', async () => {
    const clock = createManualClock({ start: 1000 });
    const woke: Array<[string, number]> = [];
    const sleep = (label: string, ms: number): Promise<void> =>
      clock.sleep(ms).then(() => void woke.push([label, clock.now()]));
    const all = Promise.all([sleep('late', 300), sleep('early', 100), sleep('same-as-early', 100)]);
    expect(clock.now()).toBe(1000);
    expect(clock.pending()).toBe(3);
    await clock.advance(99);
    expect(woke).toEqual([]);
    await clock.advance(301);
    await all;
    expect(woke).toEqual([
      ['early', 1100],
      ['same-as-early', 1100],
      ['late', 1300],
    ]);
    expect(clock.now()).toBe(1400);
    expect(clock.pending()).toBe(0);
  });

  it('rejects an aborted sleep with the reason and forgets it', async () => {
    const clock = createManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(sleeping).rejects.toThrow('cancelled');
    expect(clock.pending()).toBe(0);
    await expect(clock.sleep(5, controller.signal)).rejects.toThrow('cancelled');
  });

  it('with auto, jumps to the next sleeper once nothing else is going on', async () => {
    const clock = createManualClock({ start: 0, auto: true });
    await clock.sleep(5_000);
    expect(clock.now()).toBe(5_000);
    await clock.sleep(0);
    expect(clock.now()).toBe(5_000);
  });

  it('with auto, stands still while busy, and moves after poke once idle', async () => {
    let busy = true;
    const clock = createManualClock({ start: 0, auto: true, busy: () => busy });
    let done = false;
    const sleeping = clock.sleep(100).then(() => (done = true));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(done).toBe(false);
    expect(clock.now()).toBe(0);
    busy = false;
    clock.poke();
    await sleeping;
    expect(clock.now()).toBe(100);
  });
});
