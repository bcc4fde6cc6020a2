/**
 * Makes every handler keep the contract's promise to never reject, also when the back end is
 * called in-process without the RPC dispatcher: an ApiException becomes its error, anything
 * else becomes `internal` with a generic message, and the real error goes to the log.
 */
import { API_DOMAINS, ApiException, fail } from '@pandesk/contract';
import type { PanDeskApi, Result } from '@pandesk/contract';

type AnyMethod = (input?: unknown) => Promise<Result<unknown>>;

export function makeSafe(api: PanDeskApi, onError: (error: unknown, context: string) => void): PanDeskApi {
  const safe: Record<string, Record<string, AnyMethod>> = {};
  for (const domain of API_DOMAINS) {
    const group = api[domain] as unknown as Record<string, AnyMethod>;
    safe[domain] = Object.fromEntries(
      Object.entries(group).map(([method, fn]) => [
        method,
        async (input?: unknown): Promise<Result<unknown>> => {
          try {
            return await fn(input);
          } catch (error) {
            if (error instanceof ApiException) return error.toResult();
            onError(error, `${domain}:${method}`);
            return fail(
              'internal',
              `Something went wrong inside PanDesk while handling ${domain}:${method}. The log has the details.`,
              false,
              { reason: 'internal' },
            );
          }
        },
      ]),
    );
  }
  return safe as unknown as PanDeskApi;
}
