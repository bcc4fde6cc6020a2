/**
 * Speed over a sliding window of time, for "speed" and "time left" a person can trust: it
 * follows the bytes actually moved (a slice sent again counts again), is smooth over a few
 * seconds instead of jumping with each acknowledgement, and falls to zero by itself when
 * nothing moves (the window slides on with the clock, not with the reports).
 */

/** Seconds of history the speed is measured over. */
export const SPEED_WINDOW_MS = 5000;
/** A speed is never measured over less than this (the first moments would spike). */
const MIN_SPAN_MS = 1000;

interface Sample {
  at: number;
  moved: number;
}

export interface SpeedMeter {
  /** The item's progress now (bytes); drops (a request sent again) are not counted as moved. */
  record(at: number, bytes: number): void;
  /** Bytes per second over the window ending at `at`. */
  speed(at: number): number;
}

export function createSpeedMeter(start: number, startBytes: number, windowMs = SPEED_WINDOW_MS): SpeedMeter {
  let last = startBytes;
  let moved = 0;
  const samples: Sample[] = [{ at: start, moved: 0 }];

  /** Bytes moved by time `t`, linear between samples (no sample after `t`: all of it). */
  const movedAt = (t: number): number => {
    let before = samples[0] as Sample;
    for (const s of samples) {
      if (s.at > t) {
        if (s.at === before.at) return before.moved;
        return before.moved + ((s.moved - before.moved) * (t - before.at)) / (s.at - before.at);
      }
      before = s;
    }
    return before.moved;
  };

  return {
    record(at, bytes) {
      moved += Math.max(0, bytes - last);
      last = bytes;
      const newest = samples[samples.length - 1] as Sample;
      if (newest.at >= at) newest.moved = moved;
      else samples.push({ at, moved });
      // Keep one sample at or before the window's start, to interpolate from.
      while (samples.length > 2 && (samples[1] as Sample).at <= at - windowMs) samples.shift();
    },
    speed(at) {
      const from = Math.max(start, at - windowMs);
      const span = Math.max(MIN_SPAN_MS, at - from);
      return Math.max(0, ((moved - movedAt(from)) * 1000) / span);
    },
  };
}
