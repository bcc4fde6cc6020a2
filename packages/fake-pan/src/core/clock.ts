/**
 * Time formats of the fake server. Everything reads the injected `Clock` of the contract
 * (epoch ms), so tests can drive token expiry, rate windows and search lag without sleeping.
 *
 * The real service speaks China time (UTC+8, no DST) in three shapes (reference §1.2):
 * - file times: "YYYY-MM-DD HH:mm:ss" with no zone marker;
 * - token `expiredAt`: RFC 3339 with "+08:00";
 * - v1 list times: "YYYY-MM-DD HH:mm:ss +0800 CST".
 */

const CST_OFFSET_MS = 8 * 3600 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Date and time parts in UTC+8. */
function cstParts(ms: number): { date: string; time: string } {
  const d = new Date(ms + CST_OFFSET_MS);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return { date, time };
}

/** "2025-02-24 17:57:01" (UTC+8, no zone marker): file `createAt`/`updateAt`. */
export function formatFileTime(ms: number): string {
  const { date, time } = cstParts(ms);
  return `${date} ${time}`;
}

/** "2025-03-23T15:48:37+08:00": token `expiredAt`. */
export function formatRfc3339Cst(ms: number): string {
  const { date, time } = cstParts(ms);
  return `${date}T${time}+08:00`;
}

/** "2025-02-24 17:57:01 +0800 CST": v1 list times. */
export function formatV1Time(ms: number): string {
  return `${formatFileTime(ms)} +0800 CST`;
}
