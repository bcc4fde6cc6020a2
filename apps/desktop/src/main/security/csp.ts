/**
 * The renderer's Content-Security-Policy. Sent as a response header for every request of the
 * session (see `session-guard.ts`) and repeated as a `<meta>` tag in `index.html` (defence in
 * depth for the very first paint). The renderer needs no network at all: every call goes
 * through IPC, and only the app's own origin may supply scripts, styles, images and fonts. The
 * one exception is the quick preview, which reads files from main's `pandesk-media:` scheme
 * (images, media, the PDF frame and the text viewer's fetch), never from the network. No
 * `'unsafe-inline'`, no `'unsafe-eval'`.
 */

type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

const SHARED: Directives = [
  ['default-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  // data: for small inline icons (SVG/PNG data URLs Vite inlines below its size limit);
  // pandesk-media: for the quick preview's images (main streams them; see media-url.ts).
  ['img-src', ["'self'", 'data:', 'pandesk-media:']],
  ['font-src', ["'self'", 'data:']],
  // Only the quick preview's text viewer, reading the first bytes of a file from main.
  ['connect-src', ['pandesk-media:']],
  // The quick preview's audio and video, streamed with Range requests by main.
  ['media-src', ['pandesk-media:']],
  ['object-src', ["'none'"]],
  // The quick preview's PDF, in Chromium's viewer, in a frame of a pandesk-media: URL.
  ['frame-src', ['pandesk-media:']],
  ['worker-src', ["'none'"]],
  ['manifest-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
];

/** Directives browsers ignore inside `<meta>`; only the header carries them. */
const HEADER_ONLY: Directives = [['frame-ancestors', ["'none'"]]];

function serialise(directives: Directives): string {
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/** The value of the `Content-Security-Policy` response header. */
export function buildCspHeader(): string {
  return serialise([...SHARED, ...HEADER_ONLY]);
}

/** The `content` of the `<meta http-equiv="Content-Security-Policy">` tag in index.html. */
export function buildCspMeta(): string {
  return serialise(SHARED);
}

/**
 * Parses a policy into directive → sources, for tests and for checking the meta tag of the
 * built index.html against {@link buildCspMeta}.
 */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') out.set(name.toLowerCase(), sources);
  }
  return out;
}
