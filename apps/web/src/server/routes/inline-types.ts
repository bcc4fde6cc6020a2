/**
 * Which cloud files a browser tab may show instead of saving (`app.downloadLink` with
 * `inline`), and how. Only types the browser renders without running the file's own code:
 * raster images, audio, video, PDF (Chromium's viewer) and plain text (code and Markdown too,
 * shown as text). HTML, SVG, XML and everything else are saved, because shown from this
 * origin they could run script next to the app.
 */
import { extname } from 'node:path';
import { TAB_VIEWABLE_EXTENSIONS } from '@pandesk/contract';

/** The Content-Type of each extension of the contract's {@link TAB_VIEWABLE_EXTENSIONS}. */
export const INLINE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.markdown': 'text/plain; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.csv': 'text/plain; charset=utf-8',
  '.json': 'text/plain; charset=utf-8',
  '.js': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.py': 'text/plain; charset=utf-8',
  '.css': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.yml': 'text/plain; charset=utf-8',
};

/** The Content-Type a tab may show the file as, or `undefined` when it must be saved. */
export function inlineContentType(name: string): string | undefined {
  const ext = extname(name).toLowerCase();
  return TAB_VIEWABLE_EXTENSIONS.includes(ext.slice(1)) ? INLINE_TYPES[ext] : undefined;
}

/**
 * The policy of a file shown in a tab: a sandbox (an opaque origin: no script, no access to the
 * app's storage) that may show its own media. PDF is left out of the sandbox because
 * Chromium's viewer does not load in a sandboxed document; it runs no script of the file.
 */
export function inlinePolicy(contentType: string): string | undefined {
  return contentType === 'application/pdf'
    ? undefined
    : "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";
}

/** `Content-Disposition: inline` with the cloud name (same encoding as attachments). */
export function inlineDisposition(attachment: string): string {
  return attachment.replace(/^attachment;/, 'inline;');
}
