import { ApiException } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import type { DriveIdentity } from './drive-identity';
import { identityWithRetries } from './identity-retry';

const drive: DriveIdentity = { key: '1816', uid: 1816 };

/** An identity call that fails with each error in turn, then answers `drive`. */
function failingThen(errors: unknown[]): { identity: () => Promise<DriveIdentity>; calls: () => number } {
  let calls = 0;
  return {
    identity: async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
      return drive;
    },
    calls: () => calls,
  };
}

const options = { baseDelayMs: 1, maxDelayMs: 4 };

describe('identityWithRetries', () => {
  it('asks again after dropped connections and busy answers, and returns the drive', async () => {
    const source = failingThen([
      new ApiException('network', 'connection reset'),
      new ApiException('rate_limited', 'slow down'),
      new ApiException('network', 'connection reset'),
    ]);
    const retries: number[] = [];
    const result = await identityWithRetries({
      ...options,
      identity: source.identity,
      signal: new AbortController().signal,
      onRetry: (_e, attempt) => retries.push(attempt),
    });
    expect(result).toEqual(drive);
    expect(source.calls()).toBe(4);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('gives up at once when a retry cannot help (signed out)', async () => {
    const source = failingThen([new ApiException('auth_required', 'sign in again')]);
    const result = await identityWithRetries({
      ...options,
      identity: source.identity,
      signal: new AbortController().signal,
    });
    expect(result).toBeNull();
    expect(source.calls()).toBe(1);
  });

  it('stops waiting when a newer session or closing aborts it', async () => {
    const abort = new AbortController();
    const source = failingThen(Array.from({ length: 1000 }, () => new ApiException('network', 'down')));
    const result = identityWithRetries({
      ...options,
      identity: source.identity,
      signal: abort.signal,
      onRetry: (_e, attempt) => {
        if (attempt === 2) abort.abort();
      },
    });
    await expect(result).resolves.toBeNull();
    expect(source.calls()).toBe(2);
  });
});
