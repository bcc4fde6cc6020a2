/**
 * Background work of the emulator (offline downloads, async copies): each job runs on its own,
 * waits only through the emulator's clock (so tests on a manual clock decide when it moves on),
 * and is cancelled by `close()`, which also waits until every job has stopped.
 */
export interface Background {
  /** Starts `job`; its signal aborts on close. Errors are the job's own business. */
  run(job: (signal: AbortSignal) => Promise<void>): Promise<void>;
  /** Resolves once every job started so far has ended. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function createBackground(): Background {
  const stop = new AbortController();
  const running = new Set<Promise<void>>();
  const idle = async (): Promise<void> => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    run(job) {
      const done = job(stop.signal)
        .catch((err: unknown) => {
          if (!stop.signal.aborted) console.error('[fake-pan] background job failed', err);
        })
        .finally(() => running.delete(done));
      running.add(done);
      return done;
    },
    idle,
    async close() {
      stop.abort(new Error('fake-pan closed'));
      await idle();
    },
  };
}
