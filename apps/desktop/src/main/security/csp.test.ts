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
    for (const name of ['connect-src', 'object-src', 'frame-src', 'worker-src', 'form-action', 'base-uri']) {
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
