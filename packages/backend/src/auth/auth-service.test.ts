/**
 * The background sign-in schedule on a fake clock: `connecting` at once, failures kept quiet
 * during the grace period, "unreachable" exactly when it ends, capped exponential retries, and
 * recovery with one `auth:changed` per change. The attempt itself is replaced by a script (the
 * real one, with real sockets, is covered by start-offline.int.test.ts).
 */
import { createEventHub } from '@pandesk/contract';
import type { AuthStatus } from '@pandesk/contract';
import { createMemoryTokenStore } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DriveSession } from '../drive/drive-session';
import type { Logger } from '../log/daily-log';
import { createRedactor } from '../log/redact';
import { createSettingsService } from '../settings/settings-service';
import { createMemorySecretVault, createMemorySettingsStore } from '../testing';
import { createAuthService } from './auth-service';
import type { SignInOutcome } from './sign-in-attempt';

const script = vi.hoisted(() => ({ outcomes: [] as (() => Promise<unknown>)[], calls: 0 }));
vi.mock('./sign-in-attempt', () => ({
  attemptSignIn: () => {
    script.calls += 1;
    const next = script.outcomes.shift();
    if (next === undefined) throw new Error('no scripted outcome left');
    return next();
  },
}));

const ACCOUNT = { name: 'someone', vipLevel: 0, developer: false, quota: { usedBytes: 1, totalBytes: 2 } };
const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  flush: async () => undefined,
};

function fakeSession(): DriveSession {
  const client = { auth: { onStatus: () => () => undefined } } as unknown as PanClient;
  return { mode: 'real', client, close: async () => undefined };
}
const unreachable = (): Promise<SignInOutcome> =>
  Promise.resolve({ kind: 'failed', problem: 'unreachable', message: 'Could not reach it.' });
const signedIn = (): Promise<SignInOutcome> =>
  Promise.resolve({ kind: 'signed_in', session: fakeSession(), account: ACCOUNT });

async function setup() {
  const vault = createMemorySecretVault({ initial: { 'pandesk.connection.clientSecret': 'a-secret-value' } });
  const settings = await createSettingsService({
    store: createMemorySettingsStore({ version: 1, connection: { clientId: 'client-1', rootFolderId: 0 } }),
    vault,
    defaultDownloadFolder: '/tmp',
    checkDownloadFolder: async () => undefined,
    onSecret: () => undefined,
  });
  const events = createEventHub();
  const seen: AuthStatus[] = [];
  events.on('auth:changed', (s) => seen.push(s));
  const auth = createAuthService({
    settings,
    events,
    logger: quietLogger,
    redactor: createRedactor(),
    baseUrl: 'https://open-api.example',
    tokenStore: createMemoryTokenStore(),
    client: {},
    userData: '/nonexistent',
    timing: { requestTimeoutMs: 5000, unreachableAfterMs: 20_000, retryBaseMs: 1000, retryCapMs: 30_000 },
    random: () => 0,
  });
  const states = (): string[] =>
    seen.map((s) => (s.state === 'auth_required' ? `${s.state}:${s.problem}` : s.state));
  return { auth, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  script.outcomes.length = 0;
  script.calls = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('background sign-in', () => {
  it('starts in "connecting" without waiting, says "unreachable" when the grace period ends, and recovers', async () => {
    script.outcomes.push(...Array.from({ length: 6 }, () => unreachable), signedIn);
    const { auth, states } = await setup();
    await auth.start();
    expect(auth.status()).toEqual({ state: 'connecting' });
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls).toBe(1);
    // Failures inside the grace period change nothing the user sees.
    expect(states()).toEqual(['connecting']);
    // With no jitter the pauses are half of 1 s, 2 s, 4 s, 8 s...: attempts at 0, 0.5, 1.5, 3.5, 7.5 s.
    await vi.advanceTimersByTimeAsync(499);
    expect(script.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(script.calls).toBe(2);
    await vi.advanceTimersByTimeAsync(7000);
    expect(script.calls).toBe(5);
    await vi.advanceTimersByTimeAsync(20_000 - 7500 - 1);
    expect(auth.status().state).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(auth.status()).toMatchObject({ state: 'auth_required', problem: 'unreachable' });
    expect(states()).toEqual(['connecting', 'auth_required:unreachable']);
    // The sixth attempt (at 15.5 s) failed too; the seventh comes 15 s later (the cap) and succeeds.
    expect(script.calls).toBe(6);
    await vi.advanceTimersByTimeAsync(30_500 - 20_000 - 1);
    expect(script.calls).toBe(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(script.calls).toBe(7);
    expect(auth.status()).toEqual({ state: 'signed_in', account: ACCOUNT });
    expect(states()).toEqual(['connecting', 'auth_required:unreachable', 'signed_in']);
    // Signed in: no more attempts, no more events.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(script.calls).toBe(7);
    await auth.close();
  });

  it('answers start() while the first attempt is still waiting for the service', async () => {
    let answer!: (outcome: SignInOutcome) => void;
    script.outcomes.push(() => new Promise<SignInOutcome>((resolve) => (answer = resolve)));
    const { auth, states } = await setup();
    let started = false;
    void auth.start().then(() => (started = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls).toBe(1);
    expect(started).toBe(true);
    expect(states()).toEqual(['connecting']);
    answer({ kind: 'signed_in', session: fakeSession(), account: ACCOUNT });
    await vi.advanceTimersByTimeAsync(0);
    expect(states()).toEqual(['connecting', 'signed_in']);
    await auth.close();
  });

  it('keeps a signed-in drive usable while "Test connection" waits for its answer', async () => {
    let answer!: (outcome: SignInOutcome) => void;
    script.outcomes.push(signedIn, () => new Promise<SignInOutcome>((resolve) => (answer = resolve)));
    const { auth, states } = await setup();
    await auth.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(auth.status().state).toBe('signed_in');
    const tested = auth.signIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(script.calls).toBe(2);
    expect(auth.status().state).toBe('signed_in');
    expect(() => auth.requireClient()).not.toThrow();
    answer({ kind: 'signed_in', session: fakeSession(), account: ACCOUNT });
    expect((await tested).state).toBe('signed_in');
    expect(states()).toEqual(['connecting', 'signed_in', 'signed_in']);
    await auth.close();
  });

  it('caps the pause between attempts', async () => {
    script.outcomes.push(...Array.from({ length: 12 }, () => unreachable));
    const { auth } = await setup();
    await auth.start();
    await vi.advanceTimersByTimeAsync(0);
    const attemptTimes: number[] = [0];
    for (let elapsed = 0; elapsed <= 200_000 && script.calls < 12; elapsed += 250) {
      const before = script.calls;
      await vi.advanceTimersByTimeAsync(250);
      if (script.calls > before) attemptTimes.push(elapsed + 250);
    }
    const gaps = attemptTimes.slice(1).map((t, i) => t - attemptTimes[i]!);
    // Without jitter, half of 1, 2, 4, 8, 16 s, then half of the 30 s cap, never longer.
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000, 15_000, 15_000, 15_000]);
    await auth.close();
  });

  it('answers "Test connection" at once and tells a refusal without retrying', async () => {
    script.outcomes.push(unreachable, () =>
      Promise.resolve({ kind: 'failed', problem: 'rejected', message: 'Refused.' }),
    );
    const { auth, states } = await setup();
    expect(await auth.signIn()).toMatchObject({ state: 'auth_required', problem: 'unreachable' });
    await vi.advanceTimersByTimeAsync(500);
    expect(auth.status()).toMatchObject({ state: 'auth_required', problem: 'rejected' });
    expect(states()).toEqual(['connecting', 'auth_required:unreachable', 'auth_required:rejected']);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(script.calls).toBe(2);
    await auth.close();
  });

  it('stops retrying when closed', async () => {
    script.outcomes.push(unreachable);
    const { auth } = await setup();
    await auth.start();
    await vi.advanceTimersByTimeAsync(0);
    await auth.close();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(script.calls).toBe(1);
  });
});
