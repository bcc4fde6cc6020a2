import type { ErrorFacts } from './errors';
import type { Quota } from './files';

/**
 * What the renderer knows about authentication: a state, and for a usable drive the account's
 * display name and quota. Never a token, a secret or a token's expiry details.
 */

export const AUTH_STATES = ['signed_in', 'auth_required', 'demo', 'connecting'] as const;
export type AuthState = (typeof AUTH_STATES)[number];

export interface AccountInfo {
  /** The account's nickname as the service reports it. */
  readonly name: string;
  /** 0 = free, 1 = VIP, 2 = SVIP, 3 = long-term VIP (the service's `vipLevel`). */
  readonly vipLevel: number;
  /**
   * The account has a live developer benefit (the service's `developerInfo`). Direct links need
   * VIP or developer benefits.
   */
  readonly developer: boolean;
  readonly quota: Quota;
}

/** Why the user has to act before the drive can be used. */
export type AuthProblem =
  /** Nothing entered yet: no client id + secret, no access token, no refresh token. */
  | 'no_credentials'
  /** The service refused the credentials or the token (expired, revoked, wrong secret). */
  | 'rejected'
  /** The service could not be reached to sign in; the app keeps trying by itself. */
  | 'unreachable';

export type AuthStatus =
  | { readonly state: 'signed_in'; readonly account: AccountInfo }
  /** The built-in demo drive (the emulator with sample files) is in use. */
  | { readonly state: 'demo'; readonly account: AccountInfo }
  /**
   * Signing in to the real drive is under way in the background (at start-up, after a
   * connection change, or when the user asked to test the connection). Nothing can be listed
   * yet; transfers wait. Within about 20 s it becomes `signed_in`, or `auth_required` with the
   * reason (`unreachable` keeps retrying by itself).
   */
  | { readonly state: 'connecting' }
  | ({
      readonly state: 'auth_required';
      readonly problem: AuthProblem;
      /** English, for logs; the renderer words the state from `problem`, `reason` and `params`. */
      readonly message: string;
    } & ErrorFacts);
