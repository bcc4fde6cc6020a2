import { describe, expect, it } from 'vitest';
import { createSpeedMeter, SPEED_WINDOW_MS } from './speed-meter';

describe('speed meter', () => {
  it('measures a steady transfer at its rate, without spikes from coarse reports', () => {
    const meter = createSpeedMeter(0, 0);
    // 1 MB/s, reported once per 4 s (as per-slice acknowledgements would be).
    for (let t = 4000; t <= 20_000; t += 4000) meter.record(t, t * 1000);
    expect(meter.speed(20_000)).toBeCloseTo(1_000_000, -3);
    // Right after a report the speed does not jump to the report's size divided by a moment.
    expect(meter.speed(20_001)).toBeLessThan(1_100_000);
  });

  it('falls to zero by itself when nothing moves, as the window slides on', () => {
    const meter = createSpeedMeter(0, 0);
    for (let t = 500; t <= 10_000; t += 500) meter.record(t, t * 2000);
    expect(meter.speed(10_000)).toBeCloseTo(2_000_000, -4);
    expect(meter.speed(10_000 + SPEED_WINDOW_MS / 2)).toBeCloseTo(1_000_000, -4);
    expect(meter.speed(10_000 + SPEED_WINDOW_MS)).toBe(0);
  });

  it('counts bytes sent again after a drop as moved (the network carried them)', () => {
    const meter = createSpeedMeter(0, 0);
    meter.record(1000, 1_000_000);
    meter.record(1500, 0); // a slice failed and starts again
    meter.record(2000, 1_000_000);
    expect(meter.speed(2000)).toBeCloseTo(1_000_000, -3);
  });

  it('starts from the bytes an item already had, counting only what moves after', () => {
    const meter = createSpeedMeter(0, 50_000_000);
    meter.record(2000, 52_000_000);
    expect(meter.speed(2000)).toBeCloseTo(1_000_000, -3);
  });
});
