/**
 * Asks which drive a new session uses, again after a transient failure (a dropped connection,
 * a 429, a 5xx), because the recent cloud tasks are bound to the drive: giving up after one
 * failed answer left running cloud downloads unfollowed and the task list empty until the
 * next sign-in. Gives up on a failure a retry cannot fix (signed out) or when `signal` fires
 * (a newer session, or closing).
 */
import type { DriveIdentity } from './drive-identity';
import { toCloudError } from './cloud-errors';
import { sleep } from './sleep';

export interface IdentityRetryOptions {
  identity: () => Promise<DriveIdentity>;
  signal: AbortSignal;
  /** First pause; doubled after each failure up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  onRetry?: (error: unknown, attempt: number) => void;
}

export async function identityWithRetries(options: IdentityRetryOptions): Promise<DriveIdentity | null> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await options.identity();
    } catch (error) {
      if (options.signal.aborted || !toCloudError(error).retryable) return null;
      options.onRetry?.(error, attempt);
      const delay = Math.min(options.baseDelayMs * 2 ** (attempt - 1), options.maxDelayMs);
      if (!(await sleep(delay, options.signal))) return null;
    }
  }
}
