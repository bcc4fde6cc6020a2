import type { Clock } from '@pandesk/contract';

/**
 * One AbortSignal that fires on the caller's abort or after `timeoutMs` on the injected clock,
 * remembering which of the two happened. `dispose` must be called to drop the timer.
 */
export interface Deadline {
  signal: AbortSignal;
  timedOut(): boolean;
  callerAborted(): boolean;
  dispose(): void;
}

export function createDeadline(clock: Clock, timeoutMs: number, caller?: AbortSignal): Deadline {
  const ctrl = new AbortController();
  const timer = new AbortController();
  let timedOut = false;
  const onCaller = (): void => ctrl.abort(caller?.reason);
  if (caller?.aborted) ctrl.abort(caller.reason);
  else caller?.addEventListener('abort', onCaller, { once: true });
  if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
    clock.sleep(timeoutMs, timer.signal).then(
      () => {
        if (ctrl.signal.aborted) return;
        timedOut = true;
        ctrl.abort(new Error('timeout'));
      },
      () => undefined,
    );
  }
  return {
    signal: ctrl.signal,
    timedOut: () => timedOut,
    callerAborted: () => caller?.aborted === true && !timedOut,
    dispose: () => {
      timer.abort();
      caller?.removeEventListener('abort', onCaller);
    },
  };
}
