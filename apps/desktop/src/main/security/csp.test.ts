import { describe, expect, it } from 'vitest';
import { buildCspHeader, buildCspMeta, parseCsp } from './csp';

describe('content security policy', () => {
  const header = parseCsp(buildCspHeader());
  const meta = parseCsp(buildCspMeta());

  it('denies everything by default and allows scripts only from the app itself', () => {
    expect(header.get('default-src')).toEqual(["'none'"]);
    expect(header.get('script-src')).toEqual(["'self'"]);
    expect(header.get('style-src')).toEqual(["'self'"]);
  });

  it('allows the preview scheme only where the quick preview needs it (images, media, its text fetch, the PDF frame)', () => {
    expect(header.get('img-src')).toEqual(["'self'", 'data:', 'pandesk-media:']);
    expect(header.get('media-src')).toEqual(['pandesk-media:']);
    expect(header.get('connect-src')).toEqual(['pandesk-media:']);
    expect(header.get('frame-src')).toEqual(['pandesk-media:']);
    for (const name of ['script-src', 'style-src', 'object-src', 'worker-src', 'default-src'])
      expect(header.get(name), name).not.toContain('pandesk-media:');
  });

  it('never allows inline code, eval, remote hosts or wildcards', () => {
    for (const sources of header.values()) {
      for (const source of sources) {
        expect(source).not.toMatch(
          /unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes|\*|^https?:|^http/,
        );
      }
    }
  });

  it('gives the renderer no network at all and no framing, plugins, forms or workers', () => {
    for (const name of ['object-src', 'worker-src', 'form-action', 'base-uri']) {
      expect(header.get(name), name).toEqual(["'none'"]);
    }
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('repeats the header in the meta tag except what meta cannot carry', () => {
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, sources] of meta) expect(header.get(name)).toEqual(sources);
    expect(meta.size).toBe(header.size - 1);
  });
});
