/**
 * Runs at most `limit` jobs at a time, in the order asked. A job cancelled before it starts is
 * dropped (a tile scrolled away costs nothing); one already running finishes, and its result
 * is still useful to the caches.
 */
export interface RequestQueue {
  /** Queues a job; the returned function drops it if it has not started. */
  add(job: () => Promise<void>): () => void;
  /** Jobs waiting and running now (for tests and the status). */
  readonly pending: number;
  readonly running: number;
}

export function createRequestQueue(limit: number): RequestQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  function next(): void {
    while (running < limit && waiting.length > 0) {
      const job = waiting.shift()!;
      running++;
      void job()
        .catch(() => undefined)
        .finally(() => {
          running--;
          next();
        });
    }
  }
  return {
    add(job) {
      waiting.push(job);
      next();
      return () => {
        const at = waiting.indexOf(job);
        if (at >= 0) waiting.splice(at, 1);
      };
    },
    get pending() {
      return waiting.length;
    },
    get running() {
      return running;
    },
  };
}
