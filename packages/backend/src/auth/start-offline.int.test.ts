/**
 * Start-up never waits for the network: against a service that accepts and never answers, one
 * that refuses, and one that answers only after a while, the back end is up at once in
 * `connecting`, says "unreachable" after the grace period, keeps retrying, and signs in by
 * itself once the service answers; transfers wait until then. Timeouts are injected (short)
 * so the real sockets involved keep the tests fast; assertions follow events and states.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import type { AuthStatus } from '@pandesk/contract';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import { refusingUrl, startSilentServer } from '@pandesk/fake-pan/testing';
import type { SilentServer } from '@pandesk/fake-pan/testing';
import type { SignInTiming } from './sign-in-timing';

let h: Harness | undefined;
let silent: SilentServer | undefined;
afterEach(async () => {
  await h?.close();
  await silent?.close();
  h = undefined;
  silent = undefined;
});

function tuning(signIn: Partial<SignInTiming>) {
  return { rateLimits: false, retryBaseMs: 20, snapshotIntervalMs: 40, signIn };
}

async function status(harness: Harness): Promise<AuthStatus> {
  return unwrap(await harness.client.auth.status());
}

/** Waits (polling the API) until the status passes `test`; answers it. */
async function statusBecomes(harness: Harness, test: (s: AuthStatus) => boolean): Promise<AuthStatus> {
  return vi.waitFor(
    async () => {
      const now = await status(harness);
      if (!test(now)) throw new Error(`status is still ${JSON.stringify(now)}`);
      return now;
    },
    { timeout: 20_000, interval: 20 },
  );
}

const isUnreachable = (s: AuthStatus): boolean => s.state === 'auth_required' && s.problem === 'unreachable';

describe('start-up without waiting for the network', () => {
  it('is up at once in "connecting" against a service that never answers', async () => {
    silent = await startSilentServer();
    // Timeouts far beyond the test's own: a start that waited for the first answer would hang here.
    h = await startHarness({
      settleSignIn: false,
      ports: {
        apiBaseUrl: silent.url,
        tuning: tuning({ requestTimeoutMs: 600_000, unreachableAfterMs: 600_000 }),
      },
    });
    expect(await status(h)).toEqual({ state: 'connecting' });
    // Nothing to list yet, and it says why; transfers wait.
    const listed = await h.client.files.list({ folderId: 0 });
    expect(listed).toMatchObject({ ok: false, error: { code: 'network', retryable: true } });
    if (!listed.ok) expect(listed.error.message).toMatch(/still connecting/);
    await vi.waitFor(async () => expect(unwrap(await h!.client.transfers.summary()).authBlocked).toBe(true));
    await vi.waitFor(() => expect(silent!.connections()).toBeGreaterThanOrEqual(1));
    // Closing calls the pending attempt off instead of waiting for it.
    await h.backend.close();
  });

  it('keeps trying with short timeouts, and "Test connection" says "unreachable" at once', async () => {
    silent = await startSilentServer();
    h = await startHarness({
      settleSignIn: false,
      ports: {
        apiBaseUrl: silent.url,
        tuning: tuning({
          requestTimeoutMs: 100,
          unreachableAfterMs: 600_000,
          retryBaseMs: 20,
          retryCapMs: 50,
        }),
      },
    });
    // Each attempt gives up after the short timeout and the next one follows by itself.
    await vi.waitFor(() => expect(silent!.connections()).toBeGreaterThanOrEqual(3), { timeout: 20_000 });
    expect(await status(h)).toEqual({ state: 'connecting' });
    const tested = unwrap(await h.client.auth.signIn());
    expect(isUnreachable(tested)).toBe(true);
    if (tested.state === 'auth_required')
      expect(tested.message).toMatch(
        /^Could not reach the 123pan service at 127\.0\.0\.1:\d+\. Check the internet connection/,
      );
  });

  it('says "unreachable" once the grace period is over, then goes on retrying', async () => {
    silent = await startSilentServer();
    h = await startHarness({
      settleSignIn: false,
      ports: {
        apiBaseUrl: silent.url,
        tuning: tuning({ requestTimeoutMs: 100, unreachableAfterMs: 300, retryBaseMs: 20, retryCapMs: 50 }),
      },
    });
    await statusBecomes(h, isUnreachable);
    const seen = silent.connections();
    await vi.waitFor(() => expect(silent!.connections()).toBeGreaterThan(seen), { timeout: 20_000 });
    expect(isUnreachable(await status(h))).toBe(true);
    await h.backend.close();
    const logs = await h.readLogs();
    expect(logs).toMatch(/did not answer within 300 ms/);
    expect(logs).toMatch(/api auth\.access_token attempt 1: timeout after \d+ ms/);
  });

  it('says "unreachable" for a refused port too', async () => {
    h = await startHarness({
      settleSignIn: false,
      ports: {
        apiBaseUrl: await refusingUrl(),
        tuning: tuning({ requestTimeoutMs: 100, unreachableAfterMs: 300, retryBaseMs: 20, retryCapMs: 50 }),
      },
    });
    const unreachable = await statusBecomes(h, isUnreachable);
    if (unreachable.state === 'auth_required') expect(unreachable.message).toMatch(/Could not reach/);
  });

  it('tries once per attempt against a service that keeps answering "too many requests"', async () => {
    h = await startHarness({
      settleSignIn: false,
      fake: { faults: { rawHttpErrorStatus: 429, rawHttpErrorNext: 1_000_000 } },
      ports: {
        tuning: tuning({ requestTimeoutMs: 1000, unreachableAfterMs: 300, retryBaseMs: 20, retryCapMs: 50 }),
      },
    });
    await statusBecomes(h, isUnreachable);
    // Closing does not wait out the service's back-off either.
    await h.backend.close();
    const logs = await h.readLogs();
    expect(logs).toMatch(/api auth\.access_token attempt 1: rate_limited HTTP 429/);
    expect(logs).not.toMatch(/api auth\.access_token attempt 2/);
  });

  it('recovers by itself when a slow service answers again, and then runs the waiting transfers', async () => {
    h = await startHarness({
      settleSignIn: false,
      fake: { faults: { responseDelayMs: 1500 } },
      ports: {
        tuning: tuning({ requestTimeoutMs: 100, unreachableAfterMs: 300, retryBaseMs: 20, retryCapMs: 100 }),
      },
    });
    await statusBecomes(h, isUnreachable);
    const local = join(h.dir, 'waiting.bin');
    await writeFile(local, randomBytes(10_000));
    unwrap(
      await h.client.transfers.upload({ localPaths: [local], remoteParentId: 0, conflict: 'keep_both' }),
    );
    await vi.waitFor(async () => expect(unwrap(await h!.client.transfers.summary()).authBlocked).toBe(true));
    expect(unwrap(await h.client.transfers.summary()).byState.completed).toBe(0);

    const signedIn = h.waitFor('auth:changed', (s) => s.state === 'signed_in');
    const uploaded = h.waitFor(
      'transfers:changed',
      (s) => s.summary.byState.completed === 1 && !s.summary.authBlocked,
    );
    h.fake.faults.set({ responseDelayMs: 0 });
    await signedIn;
    await uploaded;
    expect(h.fake.state.find('/waiting.bin')?.size).toBe(10_000);
    expect(unwrap(await h.client.files.list({ folderId: 0 })).items.map((i) => i.name)).toContain(
      'waiting.bin',
    );
  });
});
