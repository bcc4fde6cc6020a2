/**
 * Access tokens (reference §2).
 *
 * - Developer tokens from `access_token`: each call mints a new one; the 3 newest per client id
 *   stay valid and a 4th evicts the oldest (§2.2). Lifetime `faults.tokenLifetimeSec`.
 * - OAuth: authorization codes come from a test hook (there is no consent page), are single-use
 *   and live 10 minutes. An exchange or refresh mints an access token (lifetime
 *   `faults.oauthTokenLifetimeSec`) and a refresh token valid 90 days. A refresh token works
 *   once, and using it kills the access token issued with it at once (§2.3).
 * State is persisted in `tokens.json` in the data dir so a restarted emulator keeps accepting
 * the tokens a client saved.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Faults } from '../options';
import type { Clock } from '@pandesk/contract';
import { createJsonFile } from './json-file';

export const MAX_TOKENS_PER_CLIENT = 3;
export const OAUTH_CODE_LIFETIME_MS = 10 * 60 * 1000;
export const REFRESH_TOKEN_LIFETIME_MS = 90 * 24 * 3600 * 1000;

export interface AccessToken {
  token: string;
  kind: 'developer' | 'oauth';
  clientId: string;
  issuedAt: number;
  /** Epoch ms. */
  expiresAt: number;
}

interface RefreshToken {
  token: string;
  clientId: string;
  accessToken: string;
  expiresAt: number;
}

interface OAuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  expiresAt: number;
}

export interface OAuthGrant {
  access: AccessToken;
  refreshToken: string;
}

export interface TokenStore {
  issueDeveloperToken(clientId: string): AccessToken;
  /** The live token, or undefined when unknown, expired or evicted. */
  verify(token: string): AccessToken | undefined;
  /** True when `token` was pushed out by the 3-token cap (it then answers a distinct 401 message). */
  wasEvicted(token: string): boolean;
  /** Expires one token, or every access token when `token` is omitted. Returns how many. */
  expire(token?: string): number;
  issueCode(clientId: string, redirectUri: string): string;
  /** Redeems a code once; undefined when unknown, used, expired or for another client/redirect. */
  exchangeCode(code: string, clientId: string, redirectUri: string): OAuthGrant | undefined;
  /** Rotates a refresh token once; undefined when unknown, used, expired or for another client. */
  refresh(refreshToken: string, clientId: string): OAuthGrant | undefined;
  /** Live access tokens (for the state summary). */
  liveCount(): number;
  flush(): void;
}

interface Snapshot {
  access: AccessToken[];
  refresh: RefreshToken[];
}

/** A JWT-looking opaque token, like the real ones ("eyJ…"). */
function mintToken(): string {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  return `${header}.${randomBytes(24).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
}

export function createTokenStore(clock: Clock, faults: Faults, dataDir?: string): TokenStore {
  const access = new Map<string, AccessToken>();
  const refreshTokens = new Map<string, RefreshToken>();
  const codes = new Map<string, OAuthCode>();
  /** Recently evicted tokens (bounded), remembered only to word their 401 message. */
  const evicted = new Set<string>();
  const MAX_EVICTED_REMEMBERED = 1000;
  const file = dataDir
    ? createJsonFile<Snapshot>(join(dataDir, 'tokens.json'), () => ({
        access: [...access.values()],
        refresh: [...refreshTokens.values()],
      }))
    : undefined;
  const loaded = file?.load();
  for (const t of loaded?.access ?? []) access.set(t.token, t);
  for (const r of loaded?.refresh ?? []) refreshTokens.set(r.token, r);
  const changed = () => file?.scheduleSave();

  /** Drops tokens that expired more than a day ago, so the store does not grow forever. */
  function prune(): void {
    const horizon = clock.now() - 24 * 3600 * 1000;
    for (const t of access.values()) if (t.expiresAt < horizon) access.delete(t.token);
    for (const r of refreshTokens.values()) if (r.expiresAt < horizon) refreshTokens.delete(r.token);
    for (const c of codes.values()) if (c.expiresAt < horizon) codes.delete(c.code);
  }

  function evictBeyondCap(clientId: string): void {
    const mine = [...access.values()]
      .filter((t) => t.kind === 'developer' && t.clientId === clientId)
      .sort((a, b) => a.issuedAt - b.issuedAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_TOKENS_PER_CLIENT))) {
      access.delete(old.token);
      evicted.add(old.token);
      if (evicted.size > MAX_EVICTED_REMEMBERED) evicted.delete(evicted.values().next().value as string);
    }
  }

  function grant(clientId: string): OAuthGrant {
    const now = clock.now();
    const token: AccessToken = {
      token: mintToken(),
      kind: 'oauth',
      clientId,
      issuedAt: now,
      expiresAt: now + faults.oauthTokenLifetimeSec * 1000,
    };
    access.set(token.token, token);
    const refreshToken = randomBytes(24).toString('base64url').toUpperCase();
    refreshTokens.set(refreshToken, {
      token: refreshToken,
      clientId,
      accessToken: token.token,
      expiresAt: now + REFRESH_TOKEN_LIFETIME_MS,
    });
    changed();
    return { access: token, refreshToken };
  }

  let sequence = 0;
  return {
    issueDeveloperToken(clientId) {
      // issuedAt gets a tie-breaker so eviction order is strict even within one millisecond.
      const now = clock.now();
      const token: AccessToken = {
        token: mintToken(),
        kind: 'developer',
        clientId,
        issuedAt: now + (sequence++ % 1000) / 1000,
        expiresAt: now + faults.tokenLifetimeSec * 1000,
      };
      prune();
      access.set(token.token, token);
      evictBeyondCap(clientId);
      changed();
      return token;
    },
    verify(token) {
      const found = access.get(token);
      if (!found || found.expiresAt <= clock.now()) return undefined;
      return found;
    },
    wasEvicted: (token) => evicted.has(token),
    expire(token) {
      const now = clock.now();
      let count = 0;
      for (const t of access.values()) {
        if ((token === undefined || t.token === token) && t.expiresAt > now) {
          t.expiresAt = now;
          count++;
        }
      }
      changed();
      return count;
    },
    issueCode(clientId, redirectUri) {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { code, clientId, redirectUri, expiresAt: clock.now() + OAUTH_CODE_LIFETIME_MS });
      return code;
    },
    exchangeCode(code, clientId, redirectUri) {
      const found = codes.get(code);
      codes.delete(code);
      if (!found || found.expiresAt <= clock.now()) return undefined;
      if (found.clientId !== clientId || found.redirectUri !== redirectUri) return undefined;
      return grant(clientId);
    },
    refresh(refreshToken, clientId) {
      const found = refreshTokens.get(refreshToken);
      if (!found || found.clientId !== clientId) return undefined;
      refreshTokens.delete(refreshToken);
      access.delete(found.accessToken);
      if (found.expiresAt <= clock.now()) {
        changed();
        return undefined;
      }
      return grant(clientId);
    },
    liveCount: () => [...access.values()].filter((t) => t.expiresAt > clock.now()).length,
    flush: () => file?.flush(),
  };
}
