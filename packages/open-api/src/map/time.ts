/**
 * Service time formats (§1.2), all mapped to epoch milliseconds:
 * - file objects: "YYYY-MM-DD HH:mm:ss", China time (UTC+8), no zone marker;
 * - v1 list: "YYYY-MM-DD HH:mm:ss +0800 CST";
 * - token expiry: RFC 3339 with an offset ("2025-03-23T15:48:37+08:00").
 */
const CHINA_OFFSET_MS = 8 * 3600_000;
const LOCAL_RE =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:\s*([+-])(\d{2}):?(\d{2})(?:\s+\w+)?)?$/;

/** Parse a service time; returns undefined when the text is not one of the known forms. */
export function parseServiceTime(text: string): number | undefined {
  const m = LOCAL_RE.exec(text.trim());
  if (!m) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? undefined : parsed;
  }
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (sign === undefined) return utc - CHINA_OFFSET_MS;
  const offset = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return utc - offset;
}

/** Like `parseServiceTime` but 0 for unparsable input (list items must not fail on one bad date). */
export function serviceTimeOrZero(text: string | number | undefined): number {
  if (typeof text === 'number') return text > 1e11 ? text : text * 1000;
  if (text === undefined || text === '') return 0;
  return parseServiceTime(text) ?? 0;
}
