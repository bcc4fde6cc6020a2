/** The three ways to authenticate (§2), plus "nothing configured yet". */
export type Credentials =
  | { kind: 'client'; clientId: string; clientSecret: string }
  | { kind: 'oauth'; clientId: string; clientSecret?: string; refreshToken: string }
  | {
      kind: 'token';
      accessToken: string;
      /** Epoch ms; unknown = trusted until rejected. */ expiresAt?: number;
    }
  | { kind: 'none' };

/**
 * What the token store persists. The store is expected to be a secret vault (safeStorage in
 * the desktop app): it holds live tokens.
 */
export interface StoredToken {
  /** Which credentials minted it ('client:<clientId>', 'oauth:<clientId>'); never a secret. */
  key: string;
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms when it was minted, if known: short-lived tokens get a proportionally smaller margin. */
  issuedAt?: number;
  /** OAuth only: the current (rotated) refresh token. */
  refreshToken?: string;
  /** OAuth only: the configured refresh token this rotation chain started from. */
  seedRefreshToken?: string;
}

export interface TokenStore {
  load(): Promise<StoredToken | null>;
  save(token: StoredToken | null): Promise<void>;
}

export type AuthState = 'signed_out' | 'unverified' | 'refreshing' | 'valid' | 'auth_required';

export interface AuthStatus {
  state: AuthState;
  source: Credentials['kind'];
  /** Epoch ms of the current token's expiry, when known. */
  expiresAt?: number;
  /** Why we are in `auth_required` (no secrets). */
  reason?: string;
  /** The last save to the token store failed; the token lives only in memory. */
  persistFailed?: boolean;
}

export type AuthListener = (status: AuthStatus) => void;

/** A freshly minted token, as the token endpoints return it. */
export interface MintedToken {
  accessToken: string;
  expiresAt: number;
  refreshToken?: string;
}

/** The network side of token minting, injected so the provider is testable on its own. */
export interface TokenMinter {
  clientCredentials(clientId: string, clientSecret: string, signal?: AbortSignal): Promise<MintedToken>;
  oauthRefresh(
    clientId: string,
    clientSecret: string | undefined,
    refreshToken: string,
    signal?: AbortSignal,
  ): Promise<MintedToken>;
}

export function createMemoryTokenStore(
  initial: StoredToken | null = null,
): TokenStore & { current(): StoredToken | null } {
  let value = initial;
  return {
    load: async () => (value ? { ...value } : null),
    save: async (token) => {
      value = token ? { ...token } : null;
    },
    current: () => value,
  };
}
