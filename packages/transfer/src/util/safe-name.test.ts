import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { numberedName, partFileName, resolveInside, safeLocalName, UnsafePathError } from './safe-name';

describe('safeLocalName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['a/b\\c', 'a_b_c'],
    ['..', '_'],
    ['.', '_'],
    ['', '_'],
    ['what?<>|*":', 'what_______'],
    ['tab\there\u0001', 'tab_here_'],
    ['trailing. . ', 'trailing'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['LPT9', '_LPT9'],
    ['console.log', 'console.log'],
    ['...', '_'],
  ])('%j → %j', (input, expected) => {
    expect(safeLocalName(input)).toBe(expected);
  });

  it('cuts long names to 255 UTF-8 bytes, keeping the extension and whole characters', () => {
    const name = `${'文'.repeat(200)}.txt`;
    const safe = safeLocalName(name);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(255);
    expect(safe.endsWith('.txt')).toBe(true);
    expect(safe.includes('\uFFFD')).toBe(false);
  });

  it('numbers keep-both variants and part files within the limit', () => {
    expect(numberedName('a.txt', 2)).toBe('a (2).txt');
    expect(numberedName('noext', 1)).toBe('noext (1)');
    expect(Buffer.byteLength(numberedName(`${'x'.repeat(252)}.md`, 12))).toBeLessThanOrEqual(255);
    expect(Buffer.byteLength(partFileName('y'.repeat(255), 'abcdef123456'))).toBeLessThanOrEqual(255);
  });
});

describe('resolveInside', () => {
  const root = resolve('/tmp/dest');
  it('joins inside the root', () => {
    expect(resolveInside(root, 'a', 'b.txt')).toBe(join(root, 'a', 'b.txt'));
  });
  it.each([['..'], ['../x'], ['/etc/passwd'], ['a/../../x'], ['']])('refuses %j', (part) => {
    expect(() => resolveInside(root, part)).toThrow(UnsafePathError);
  });
  it('accepts anything safeLocalName produced', () => {
    for (const evil of ['..', '../../etc', '/abs', 'C:\\Windows', '\u0000']) {
      expect(resolveInside(root, safeLocalName(evil)).startsWith(root)).toBe(true);
    }
  });
});
