/**
 * Which cloud files a browser tab may show instead of saving (`app.downloadLink` with
 * `inline`), and how. Only types the browser renders without running the file's own code:
 * raster images, audio, video, PDF (Chromium's viewer) and plain text (code and Markdown too,
 * shown as text). HTML, SVG, XML and everything else are saved, because shown from this
 * origin they could run script next to the app.
 */
import { extname } from 'node:path';
import { MEDIA_TYPES, previewPolicy } from '@pandesk/backend';
import { TAB_VIEWABLE_EXTENSIONS } from '@pandesk/contract';

/** The Content-Type of each extension of the contract's {@link TAB_VIEWABLE_EXTENSIONS}. */
export const INLINE_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(MEDIA_TYPES).filter(([ext]) => TAB_VIEWABLE_EXTENSIONS.includes(ext.slice(1))),
);

/** The Content-Type a tab may show the file as, or `undefined` when it must be saved. */
export function inlineContentType(name: string): string | undefined {
  const ext = extname(name).toLowerCase();
  return TAB_VIEWABLE_EXTENSIONS.includes(ext.slice(1)) ? INLINE_TYPES[ext] : undefined;
}

/**
 * The policy of a file shown in a tab: the preview's (a sandbox that loads nothing but its own
 * media; none for PDF, whose viewer does not load in a sandboxed document).
 */
export const inlinePolicy = previewPolicy;

/** `Content-Disposition: inline` with the cloud name (same encoding as attachments). */
export function inlineDisposition(attachment: string): string {
  return attachment.replace(/^attachment;/, 'inline;');
}
