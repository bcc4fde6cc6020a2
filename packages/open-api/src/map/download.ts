import type { DownloadTicket } from '../types';

/** The CDN URL's `t` query parameter is its expiry in Unix seconds (§8.2). */
export function mapDownloadUrl(url: string): DownloadTicket {
  let expiresAt: number | undefined;
  try {
    const t = new URL(url).searchParams.get('t');
    if (t !== null && /^\d+$/.test(t)) expiresAt = Number(t) * 1000;
  } catch {
    expiresAt = undefined;
  }
  return { url, expiresAt };
}
