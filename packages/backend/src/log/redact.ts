/**
 * Removes secrets from text before it is written to the log: known secret values (the
 * configured client secret, tokens, proxy passwords), bearer tokens, secret-looking JSON and
 * query fields, passwords inside URLs, and whole query strings of URLs (download URLs carry
 * their signature there). Over-redacting is fine; a leak is not.
 */

/** Shown instead of a removed secret. */
export const REDACTED = '[redacted]';

/** Field names whose values are secrets, wherever they appear (JSON, query, key=value). */
const SECRET_FIELDS = [
  'access_?token',
  'refresh_?token',
  'client_?secret',
  'clientsecret',
  'authorization',
  'password',
  'passwd',
  'secret',
  'token',
  'auth_?key',
  'sign',
  'signature',
];
const FIELD = `(?:${SECRET_FIELDS.join('|')})`;

/** `"accessToken": "..."` and `'token':'...'` in JSON-ish text. */
const JSON_FIELD = new RegExp(`(["']?\\w*${FIELD}["']?\\s*:\\s*)(["'])(?:\\\\.|(?!\\2).)*\\2`, 'gi');
/** `token=...` in key=value text and query strings not caught by the URL rule. */
const KEY_VALUE = new RegExp(`(\\b\\w*${FIELD}\\s*=\\s*)[^\\s&,;"']+`, 'gi');
/** `Bearer abc.def` (Authorization headers). */
const BEARER = /\b(Bearer\s+)[\w\-.~+/=]+/gi;
/** `scheme://user:password@host`: keep the user name, drop the password. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;
/** The query string and fragment of any http(s) URL. */
const URL_QUERY = /\b(https?:\/\/[^\s?#"'<>]+)[?#][^\s"'<>]*/gi;

/** Values shorter than this are not redacted by value (too likely to hit ordinary words). */
const MIN_KNOWN_LENGTH = 6;

export interface Redactor {
  /** Redacts one string. */
  redact(text: string): string;
  /** Adds a value to redact wherever it appears (e.g. the client secret once it is known). */
  addSecret(value: string | null | undefined): void;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRedactor(): Redactor {
  const known = new Set<string>();
  let knownPattern: RegExp | null = null;

  function rebuild(): void {
    const values = [...known].sort((a, b) => b.length - a.length).map(escapeRegExp);
    knownPattern = values.length === 0 ? null : new RegExp(values.join('|'), 'g');
  }

  return {
    redact(text) {
      let out = knownPattern === null ? text : text.replace(knownPattern, REDACTED);
      out = out.replace(URL_PASSWORD, `$1${REDACTED}@`);
      out = out.replace(URL_QUERY, `$1?${REDACTED}`);
      out = out.replace(BEARER, `$1${REDACTED}`);
      out = out.replace(JSON_FIELD, `$1$2${REDACTED}$2`);
      out = out.replace(KEY_VALUE, `$1${REDACTED}`);
      return out;
    },
    addSecret(value) {
      if (value === null || value === undefined) return;
      const trimmed = value.trim();
      if (trimmed.length < MIN_KNOWN_LENGTH || known.has(trimmed)) return;
      known.add(trimmed);
      // Also the URL-encoded form, as it would appear in a query string or form body.
      const encoded = encodeURIComponent(trimmed);
      if (encoded !== trimmed) known.add(encoded);
      rebuild();
    },
  };
}

/** Turns any thrown value or object into one line of text (errors with name, message, code and cause). */
export function describeForLog(value: unknown, depth = 0): string {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const head = `${value.name}${code === undefined ? '' : `[${String(code)}]`}: ${value.message}`;
    const cause = (value as { cause?: unknown }).cause;
    const stack = depth === 0 && value.stack ? `\n${value.stack.split('\n').slice(1, 6).join('\n')}` : '';
    return cause === undefined || depth > 2
      ? `${head}${stack}`
      : `${head} (cause: ${describeForLog(cause, depth + 1)})${stack}`;
  }
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
