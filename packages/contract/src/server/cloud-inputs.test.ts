import { describe, expect, it } from 'vitest';
import { findServedChannel } from './api-inputs';
import { parseInput } from './validation';

/** Parses against a channel's schema and returns the invalid_input message, or 'ok'. */
function check(channel: string, input: unknown): string {
  const spec = findServedChannel(channel);
  if (spec === undefined) throw new Error(`no channel ${channel}`);
  const result = parseInput(spec.input.schema, input, channel);
  return result.ok ? 'ok' : result.error.message;
}

const share = { ids: [5], name: 'Photos', expiryDays: 7 };

describe('shares inputs', () => {
  it('takes the four expiries, a short name without forbidden characters and 1..100 items', () => {
    for (const expiryDays of [0, 1, 7, 30])
      expect(check('shares:create', { ...share, expiryDays })).toBe('ok');
    expect(check('shares:create', { ...share, expiryDays: 3 })).toBe(
      'shares:create: expiryDays: must be 1, 7 or 30 days, or 0 (never expires)',
    );
    expect(check('shares:create', { ...share, name: 'x'.repeat(34) })).toBe('ok');
    expect(check('shares:create', { ...share, name: '文'.repeat(35) })).toBe(
      'shares:create: name: must have at most 34 characters',
    );
    expect(check('shares:create', { ...share, name: 'a:b' })).toMatch(
      /^shares:create: name: A name cannot contain/,
    );
    expect(check('shares:create', { ...share, ids: [] })).toBe(
      'shares:create: ids: must name at least one item',
    );
    expect(check('shares:create', { ...share, ids: Array.from({ length: 101 }, (_, i) => i + 1) })).toBe(
      'shares:create: ids: must name at most 100 items',
    );
    expect(check('shares:create', { ...share, ids: [0] })).toBe(
      'shares:create: ids[0]: the drive root cannot be shared',
    );
  });

  it('checks the extraction code and the traffic settings', () => {
    expect(check('shares:create', { ...share, extractionCode: 'ab12' })).toBe('ok');
    expect(check('shares:create', { ...share, extractionCode: 'ab1' })).toBe(
      'shares:create: extractionCode: must be 4 to 8 letters or digits',
    );
    expect(check('shares:create', { ...share, extractionCode: 'ab 12' })).toMatch(/extractionCode/);
    expect(check('shares:create', { ...share, traffic: { package: 'all', limitBytes: 1024 } })).toBe('ok');
    expect(check('shares:setTraffic', { ids: [1], traffic: { package: 'some', limitBytes: null } })).toMatch(
      /^shares:setTraffic: traffic.package: must be one of off/,
    );
    expect(check('shares:setTraffic', { ids: [1], traffic: { package: 'off', limitBytes: 0 } })).toBe(
      'shares:setTraffic: traffic.limitBytes: must be at least 1 byte (null means no limit)',
    );
    expect(check('shares:setTraffic', { ids: [0], traffic: { package: 'off', limitBytes: null } })).toBe(
      'shares:setTraffic: ids[0]: must be positive',
    );
  });
});

describe('direct-link inputs', () => {
  it('refuses the root as a direct-link folder and checks the signing patch', () => {
    expect(check('directLinks:enable', { folderId: 0 })).toBe(
      'directLinks:enable: folderId: the drive root cannot hold direct links',
    );
    expect(check('directLinks:setSigning', { privateKey: null })).toBe('ok');
    expect(check('directLinks:setSigning', { signedLinkMinutes: 0 })).toBe(
      'directLinks:setSigning: signedLinkMinutes: must be at least 1 minute',
    );
  });

  it('never echoes a refused private key', () => {
    const message = check('directLinks:setSigning', { privateKey: 'my secret key' });
    expect(message).toBe('directLinks:setSigning: privateKey: must not contain spaces or control characters');
    expect(message).not.toContain('my secret');
  });
});

describe('cloud inputs', () => {
  it('takes http and https addresses only, without echoing them', () => {
    expect(check('cloud:download', { urls: ['https://a.example/x.iso', 'http://b/y'], folderId: 3 })).toBe(
      'ok',
    );
    const message = check('cloud:download', { urls: ['ftp://files.example/secret-path'], folderId: 3 });
    expect(message).toBe('cloud:download: urls[0]: must be a full http:// or https:// address');
    expect(check('cloud:download', { urls: ['not a url'], folderId: 3 })).toMatch(/urls\[0\]/);
    expect(check('cloud:download', { urls: [], folderId: 3 })).toBe(
      'cloud:download: urls: must name at least one address',
    );
  });

  it('copies with a conflict policy, never the root and never a folder into itself', () => {
    expect(check('files:copy', { ids: [1, 2], targetFolderId: 3, conflict: 'overwrite' })).toBe('ok');
    expect(check('files:copy', { ids: [1, 2], targetFolderId: 2, conflict: 'skip' })).toBe(
      'files:copy: targetFolderId: a folder cannot be copied into itself',
    );
    expect(check('files:copy', { ids: [0], targetFolderId: 2, conflict: 'skip' })).toBe(
      'files:copy: ids[0]: must not include the drive root (id 0)',
    );
    expect(check('files:copy', { ids: [1], targetFolderId: 2, conflict: 'merge' })).toBe(
      'files:copy: conflict: must be one of keep_both, overwrite, skip',
    );
  });
});
