/**
 * Runs `task` over `inputs` with at most `width` in flight. On the first failure no new task
 * starts and the tasks in flight are aborted through their signal; the pool waits for them to
 * settle (so nothing keeps running after the caller moved on), then rethrows that failure.
 */
export async function runPool<T>(
  width: number,
  inputs: readonly T[],
  outer: AbortSignal,
  task: (input: T, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const queue = [...inputs];
  const stop = new AbortController();
  const signal = AbortSignal.any([outer, stop.signal]);
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && !signal.aborted) {
      const next = queue.shift();
      if (next === undefined) return;
      try {
        await task(next, signal);
      } catch (error) {
        if (failure === null) {
          failure = { error };
          stop.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  outer.throwIfAborted();
}
