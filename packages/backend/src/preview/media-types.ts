/**
 * The Content-Type a host serves a cloud file with when a browser shows it (a tab opened by
 * `app.downloadLink` with `inline`, or the quick preview), by extension. Only types Chromium
 * shows without running the file's own code in the page: raster images and SVG (shown through
 * `<img>` only, where it cannot run script), audio and video Chromium plays, PDF (its own
 * viewer) and text (code and Markdown too, as plain text). Unknown types are
 * `application/octet-stream`.
 */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
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

/** The lower-case extension of a name with its dot (`.png`), or `''`. */
export function dotExtensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || dot === name.length - 1 ? '' : name.slice(dot).toLowerCase();
}

/** The Content-Type of a previewed file: from {@link MEDIA_TYPES}, else opaque bytes. */
export function previewContentType(name: string): string {
  return MEDIA_TYPES[dotExtensionOf(name)] ?? 'application/octet-stream';
}

/**
 * The per-response policy of a previewed file, should it ever be opened as a document (a tab
 * pointed at the URL): a sandbox (an opaque origin: no script, no access to the app's storage)
 * that loads nothing. SVG may use its own inline styles. PDF gets no sandbox because Chromium's
 * viewer does not load in a sandboxed document; the viewer runs no script of the page's.
 */
export function previewPolicy(contentType: string): string | undefined {
  if (contentType === 'application/pdf') return undefined;
  if (contentType === 'image/svg+xml') return "sandbox; default-src 'none'; style-src 'unsafe-inline'";
  return "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";
}
