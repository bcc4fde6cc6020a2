import type { PanDeskApi } from '../api';
import { API_CHANNELS } from '../channels';
import { ok } from '../errors';
import type { Result } from '../errors';

/** One call as a handler saw it. */
export interface SeenCall {
  readonly channel: string;
  readonly input: unknown;
}

/**
 * Handlers for every channel built by looping the channel table: each records what it
 * received and returns whatever `respond(channel, input)` returns or throws (by default
 * `ok({ channel })`), with no wrapping, so tests see exactly what a real handler could do.
 */
export function createRecordingHandlers(
  respond: (channel: string, input: unknown) => Promise<Result<unknown>> = async (channel) => ok({ channel }),
): { handlers: PanDeskApi; calls: SeenCall[] } {
  const calls: SeenCall[] = [];
  const handlers: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const { channel, domain, method } of API_CHANNELS) {
    (handlers[domain] ??= {})[method] = (input) => {
      calls.push({ channel, input });
      return respond(channel, input);
    };
  }
  return { handlers: handlers as unknown as PanDeskApi, calls };
}
