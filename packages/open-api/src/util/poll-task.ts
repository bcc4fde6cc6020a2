import type { Clock } from '@pandesk/contract';
import { PanError } from '../errors';
import type { Pacer } from '../http/pacer';

export interface PollOptions {
  signal?: AbortSignal;
  /** Polls before giving up (`timeout`). */
  budget?: number;
  /** Pause between polls, ms (default: the pacer's, 1 s). */
  intervalMs?: number;
}

/**
 * Reads a task's state until `settled` says it is over, pausing between reads as the pacer says
 * (the same waits as upload completion) and within the poll budget. Each read goes through the
 * normal pipeline (rate limiter, retries). Throws `timeout` when the budget is spent and
 * `aborted` when the signal fires while waiting.
 */
export async function pollTask<T>(input: {
  clock: Clock;
  pacer: Pacer;
  endpoint: string;
  read: () => Promise<T>;
  settled: (value: T) => boolean;
  onValue?: (value: T) => void;
  options: PollOptions & { defaultBudget: number };
}): Promise<T> {
  const { clock, pacer, endpoint, options } = input;
  const override = { budget: options.budget ?? options.defaultBudget, intervalMs: options.intervalMs };
  for (let poll = 1; ; poll++) {
    const value = await input.read();
    input.onValue?.(value);
    if (input.settled(value)) return value;
    const wait = pacer.poll(poll, override);
    if (wait === null)
      throw new PanError('timeout', `${endpoint}: still not finished after ${poll} polls`, { endpoint });
    try {
      await clock.sleep(wait, options.signal);
    } catch (reason) {
      throw new PanError('aborted', `${endpoint}: aborted while waiting for the task`, {
        endpoint,
        cause: reason,
      });
    }
  }
}
