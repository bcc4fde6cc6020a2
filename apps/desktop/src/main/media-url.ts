/**
 * Where the quick preview reads cloud files on the desktop: `pandesk-media://preview/<grant>`,
 * a privileged scheme the main process answers by streaming the grant's file from the CDN
 * (see app-protocol.ts). The renderer only ever sees this URL, never a signed CDN URL or token.
 */

export const MEDIA_SCHEME = 'pandesk-media';
/** The only host the media scheme answers for. */
export const MEDIA_HOST = 'preview';

/** The URL of a preview grant. */
export function mediaUrlOf(grant: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${grant}`;
}

const GRANT = /^\/([A-Za-z0-9_-]{1,64})$/;

/** The grant a media URL names, or undefined for any other URL. */
export function grantOfMediaUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.host !== MEDIA_HOST) return undefined;
    return GRANT.exec(parsed.pathname)?.[1];
  } catch {
    return undefined;
  }
}
