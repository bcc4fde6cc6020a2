import { describe, expect, it } from 'vitest';
import { checkSender } from './sender';
import type { IpcEventLike } from './sender';

const OWN = 7;
function event(
  overrides: Partial<{ id: number; url: string; parent: unknown; frame: null }> = {},
): IpcEventLike {
  const frame =
    overrides.frame === null
      ? null
      : { url: overrides.url ?? 'pandesk://app/index.html', parent: overrides.parent ?? null };
  return { sender: { id: overrides.id ?? OWN }, senderFrame: frame };
}

describe('IPC sender check', () => {
  it('trusts only the main frame of our window on our own page', () => {
    expect(checkSender(event(), OWN)).toEqual({ trusted: true });
    expect(checkSender(event({ url: 'pandesk://app/some/route?x=1#y' }), OWN).trusted).toBe(true);
  });

  it.each([
    ['no window yet', event(), undefined, 'no_window'],
    ['another webContents', event({ id: 8 }), OWN, 'other_contents'],
    ['a destroyed frame', event({ frame: null }), OWN, 'no_frame'],
    ['a sub-frame', event({ parent: { url: 'pandesk://app/index.html' } }), OWN, 'sub_frame'],
    ['a remote page', event({ url: 'https://evil.example/index.html' }), OWN, 'foreign_url'],
    ['a file URL', event({ url: 'file:///tmp/index.html' }), OWN, 'foreign_url'],
    ['another host of our scheme', event({ url: 'pandesk://other/index.html' }), OWN, 'foreign_url'],
    ['a look-alike host', event({ url: 'pandesk://app.evil/index.html' }), OWN, 'foreign_url'],
    ['an unparsable URL', event({ url: 'not a url' }), OWN, 'foreign_url'],
  ] as const)('refuses %s', (_name, ev, own, reason) => {
    expect(checkSender(ev, own)).toEqual({ trusted: false, reason });
  });
});
