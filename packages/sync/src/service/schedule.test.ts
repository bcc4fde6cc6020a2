import { describe, expect, it } from 'vitest';
import { inWindow, nextRunAt } from './schedule';

const at = (h: number, m = 0, day = 1) => new Date(2026, 2, day, h, m).getTime();

describe('sync schedule', () => {
  it('runs at once when never checked, then every N minutes', () => {
    const s = { kind: 'interval' as const, minutes: 30 };
    expect(nextRunAt(s, null, at(10))).toBe(at(10));
    expect(nextRunAt(s, at(10), at(10, 5))).toBe(at(10, 30));
    expect(nextRunAt(s, at(8), at(10, 5))).toBe(at(10, 5));
  });

  it('keeps window runs inside the daily window, over midnight too', () => {
    const night = { kind: 'window' as const, start: '22:00', end: '06:00', minutes: 60 };
    expect(inWindow('22:00', '06:00', at(23))).toBe(true);
    expect(inWindow('22:00', '06:00', at(5, 59))).toBe(true);
    expect(inWindow('22:00', '06:00', at(6))).toBe(false);
    expect(nextRunAt(night, at(23), at(23, 10))).toBe(at(24));
    expect(nextRunAt(night, at(5, 30), at(5, 40))).toBe(at(22));
    expect(nextRunAt(night, null, at(12))).toBe(at(22));
    const day = { kind: 'window' as const, start: '09:00', end: '17:00', minutes: 120 };
    expect(nextRunAt(day, at(16), at(16))).toBe(at(9, 0, 2));
    expect(nextRunAt(day, null, at(7))).toBe(at(9));
  });
});
