/** A clock tests move by hand (token expiry, rate windows, search lag) instead of sleeping. */
export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

export function createManualClock(start = Date.UTC(2025, 5, 1, 4, 0, 0)): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += ms;
    },
  };
}
