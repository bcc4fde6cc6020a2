/**
 * Proxy URLs may carry a password (`http://user:password@host:port`). The password is a
 * secret: it is split off before the URL is saved with the other settings or shown to the
 * renderer, kept in the secret vault, and put back only when the URL is used.
 */

export interface SplitUrl {
  /** The URL without its password (user name kept); `''` stays `''`. */
  readonly url: string;
  readonly password: string | null;
}

export function splitUrlPassword(value: string): SplitUrl {
  if (value === '') return { url: '', password: null };
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { url: value, password: null };
  }
  if (parsed.password === '') return { url: value, password: null };
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), password };
}

export function joinUrlPassword(url: string, password: string | null): string {
  if (url === '' || password === null) return url;
  try {
    const parsed = new URL(url);
    parsed.password = password;
    return parsed.toString();
  } catch {
    return url;
  }
}

/** Same scheme, user, host and port: a password stored for `a` still belongs to `b`. */
export function sameProxyIdentity(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.protocol === y.protocol && x.username === y.username && x.host === y.host;
  } catch {
    return false;
  }
}
