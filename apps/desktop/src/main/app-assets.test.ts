import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppAsset } from './app-assets';

const root = path.resolve('/opt/pandesk/dist/renderer');

describe('app asset resolution', () => {
  it('maps app URLs to files of the renderer folder', () => {
    expect(resolveAppAsset(root, 'pandesk://app/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'pandesk://app/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset(root, 'pandesk://app/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveAppAsset(root, 'pandesk://app/assets/%E6%96%87.png')).toBe(
      path.join(root, 'assets', '文.png'),
    );
  });

  it.each([
    'pandesk://app/../secret.txt',
    'pandesk://app/assets/%2e%2e/%2e%2e/etc/passwd',
    'pandesk://app//etc/passwd',
  ])('never leaves the renderer folder for %s (the URL parser folds the dots first)', (url) => {
    const file = resolveAppAsset(root, url);
    expect(file === null || !path.relative(root, file).startsWith('..')).toBe(true);
  });

  it.each([
    'pandesk://app/assets/..%2F..%2Fetc%2Fpasswd',
    'pandesk://app/assets/..%5C..%5Cwin.ini',
    'pandesk://app/a%00.js',
    'pandesk://app/%E0%A4%A',
    'pandesk://other/index.html',
    'file:///opt/pandesk/dist/renderer/index.html',
    'https://app/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });

  it('knows the types the renderer build emits', () => {
    expect(mimeTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(mimeTypeOf('x.JS')).toMatch(/^text\/javascript/);
    expect(mimeTypeOf('x.css')).toMatch(/^text\/css/);
    expect(mimeTypeOf('x.bin')).toBe('application/octet-stream');
  });
});
