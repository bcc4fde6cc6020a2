/**
 * One attempt to sign in to the real drive: a short-timeout probe mints (or loads) the token,
 * reads the account and checks the root folder; on success the session for everyday use is
 * built on the same token store (ordinary timeouts and retries). Never throws: the outcome
 * says what happened, in words for the user when it failed.
 */
import type { AccountInfo } from '@pandesk/contract';
import type { Credentials, FetchLike, TokenStore } from '@pandesk/open-api';
import { createRealSession, createSignInProbe } from '../drive/drive-session';
import type { ClientSettings, DriveSession } from '../drive/drive-session';
import type { Logger } from '../log/daily-log';
import { describeSignInFailure, toAccount, verifyRootFolder } from './auth-messages';
import type { SignInFailure } from './auth-messages';

export type SignInOutcome =
  | { readonly kind: 'signed_in'; readonly session: DriveSession; readonly account: AccountInfo }
  | ({ readonly kind: 'failed' } & SignInFailure)
  /** Called off (close, sign-out, demo chosen) before it finished. */
  | { readonly kind: 'aborted' };

export interface SignInAttemptInput {
  readonly client: ClientSettings;
  readonly baseUrl: string;
  /** `host[:port]` of the service, for messages. */
  readonly host: string;
  readonly credentials: Credentials;
  readonly tokenStore: TokenStore;
  readonly rootFolderId: number;
  readonly requestTimeoutMs: number;
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/**
 * Every request of the probe, the token mint included (which takes no signal of its own),
 * ends when the attempt is called off: closing the app never waits for a silent service.
 * The calls themselves get no signal: the request failing is enough, and a token mint left
 * behind by a call that gave up early would fail with nobody listening.
 */
function abortable(fetchImpl: FetchLike | undefined, signal: AbortSignal): FetchLike {
  const base: FetchLike = fetchImpl ?? ((url, init) => globalThis.fetch(url, init));
  return (url, init) =>
    base(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, signal]) : signal });
}

export async function attemptSignIn(input: SignInAttemptInput): Promise<SignInOutcome> {
  const where = { baseUrl: input.baseUrl, credentials: input.credentials, tokenStore: input.tokenStore };
  const probe = createSignInProbe({
    ...input.client,
    ...where,
    fetch: abortable(input.client.fetch, input.signal),
    requestTimeoutMs: input.requestTimeoutMs,
  });
  try {
    const account = toAccount(await probe.user.info());
    await verifyRootFolder(probe, input.rootFolderId);
    if (input.signal.aborted) return { kind: 'aborted' };
    return { kind: 'signed_in', session: createRealSession({ ...input.client, ...where }), account };
  } catch (error) {
    if (input.signal.aborted) return { kind: 'aborted' };
    const failure = describeSignInFailure(error, input.host);
    // Unreachable repeats with every retry: its message is enough, without the stack.
    const logged = failure.problem === 'unreachable' && error instanceof Error ? error.message : error;
    input.logger.warn(`sign-in failed (${failure.problem})`, logged);
    return { kind: 'failed', ...failure };
  }
}
