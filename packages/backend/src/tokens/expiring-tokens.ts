import { randomBytes } from 'node:crypto';

/**
 * Unguessable tokens (128 random bits, base64url) that stand for a value for a limited time:
 * the browser host's single-use download tickets and the quick preview's reusable grants. A
 * URL carrying one reveals nothing but that value, and only until it expires. Tokens live in
 * memory only and die with the host; past `max` the oldest are dropped (a Map iterates in
 * insertion order).
 */
export interface ExpiringToken {
  readonly token: string;
  readonly expiresAt: number;
}

export interface ExpiringTokens<T> {
  mint(value: T): ExpiringToken;
  /** The value of a live token, which stays usable. */
  peek(token: string): T | undefined;
  /** The value of a live token, which is used up. */
  take(token: string): T | undefined;
  /** A live token whose value and expiry pass `test`. */
  find(test: (value: T, expiresAt: number) => boolean): ExpiringToken | undefined;
  /** Live tokens (tests). */
  size(): number;
}

export interface ExpiringTokenOptions {
  readonly lifetimeMs: number;
  readonly max: number;
  readonly now?: () => number;
}

export function createExpiringTokens<T>(options: ExpiringTokenOptions): ExpiringTokens<T> {
  const now = options.now ?? Date.now;
  const tokens = new Map<string, { value: T; expiresAt: number }>();

  const dropExpired = (): void => {
    const time = now();
    for (const [token, entry] of tokens) if (entry.expiresAt <= time) tokens.delete(token);
  };
  const live = (token: string): T | undefined => {
    const entry = tokens.get(token);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry.value;
    tokens.delete(token);
    return undefined;
  };

  return {
    mint(value) {
      dropExpired();
      for (const token of tokens.keys()) {
        if (tokens.size < options.max) break;
        tokens.delete(token);
      }
      const token = randomBytes(16).toString('base64url');
      const expiresAt = now() + options.lifetimeMs;
      tokens.set(token, { value, expiresAt });
      return { token, expiresAt };
    },
    peek: live,
    take(token) {
      const value = live(token);
      tokens.delete(token);
      return value;
    },
    find(test) {
      dropExpired();
      for (const [token, entry] of tokens)
        if (test(entry.value, entry.expiresAt)) return { token, expiresAt: entry.expiresAt };
      return undefined;
    },
    size() {
      dropExpired();
      return tokens.size;
    },
  };
}
