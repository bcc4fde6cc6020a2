/**
 * Capped exponential backoff with jitter: attempt n waits between half and all of
 * min(cap, base · 2^n), so items that lost the network together do not all come back at the
 * same instant. `random` (in [0, 1)) is injectable so tests can pin the delay.
 */
export function backoffMs(
  attempt: number,
  baseMs = 1000,
  capMs = 30_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}
