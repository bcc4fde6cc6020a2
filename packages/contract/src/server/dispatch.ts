import type { PanDeskApi } from '../api';
import { ApiException, fail, isResult } from '../errors';
import type { Result } from '../errors';
import { findServedChannel } from './api-inputs';
import { parseInput } from './validation';

/**
 * The server half without any transport: given a channel name and an untrusted input, check
 * the input against the channel's schema, call the handler, and always answer a Result. The
 * Electron IPC binding uses this directly (`ipcMain.handle(channel, (_e, input) => dispatch(channel, input))`);
 * `serveApi` uses it over a {@link Transport}.
 */
export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Check every input against its schema (default `true`). Turn off only for trusted in-process callers. */
  validate?: boolean;
  /**
   * Receives every unexpected failure (a handler throwing something other than an
   * `ApiException`, or answering a non-Result) with the full error, for the back end's redacting
   * log. The caller only ever sees a generic `internal` error.
   */
  onError?: (error: unknown, channel: string) => void;
}

type AnyHandler = (input: unknown) => Promise<unknown>;

function handlerFor(
  handlers: PanDeskApi,
  domain: string,
  method: string,
): { fn: AnyHandler; self: unknown } | undefined {
  const group = (handlers as unknown as Record<string, Record<string, unknown> | undefined>)[domain];
  const fn = group?.[method];
  return typeof fn === 'function' ? { fn: fn as AnyHandler, self: group } : undefined;
}

function internal(channel: string): Result<never> {
  return fail(
    'internal',
    `Something went wrong inside PanDesk while handling ${channel}. The log has the details.`,
    false,
    { reason: 'internal' },
  );
}

const unsupported = (message: string): Result<never> =>
  fail('unsupported', message, false, { reason: 'not_available_here' });

export function createDispatcher(handlers: PanDeskApi, options: DispatchOptions = {}): Dispatch {
  const validate = options.validate ?? true;
  return async (channel, input) => {
    const spec = typeof channel === 'string' ? findServedChannel(channel) : undefined;
    if (spec === undefined) return unsupported(`Unknown call: ${String(channel).slice(0, 100)}.`);
    const handler = handlerFor(handlers, spec.domain, spec.method);
    if (handler === undefined) return unsupported(`${spec.channel} is not available on this host.`);
    let value = input;
    if (validate) {
      // Settings are what a person typed; any other refused input is a caller's bug.
      const reason = spec.domain === 'settings' ? 'invalid_setting' : 'invalid_request';
      const parsed = parseInput(spec.input.schema, input, spec.channel, reason);
      if (!parsed.ok) return parsed;
      value = parsed.value;
    }
    try {
      const result = await handler.fn.call(handler.self, value);
      if (isResult(result)) return result;
      options.onError?.(
        new Error(`handler for ${spec.channel} answered a value that is not a Result`),
        spec.channel,
      );
      return internal(spec.channel);
    } catch (error) {
      if (error instanceof ApiException) return error.toResult();
      options.onError?.(error, spec.channel);
      return internal(spec.channel);
    }
  };
}
