/** Exponential backoff with a cap and deterministic jitter-free delays (tests use a fake clock). */
export function backoffMs(attempt: number, baseMs = 1000, capMs = 30_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
}
