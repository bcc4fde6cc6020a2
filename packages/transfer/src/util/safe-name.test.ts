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

  it.each([
    ['evil\u202Etxt.exe', 'evil_txt.exe'],
    ['photo\u202Dgpj.scr', 'photo_gpj.scr'],
    ['a\u202Ab\u202Bc\u202Cd', 'a_b_c_d'],
    ['x\u2066y\u2067z\u2068w\u2069.txt', 'x_y_z_w_.txt'],
    ['\u200Eleft\u200Fright\u061C.pdf', '_left_right_.pdf'],
    ['zero\u200Bwidth\u2060joiner\uFEFF.md', 'zero_width_joiner_.md'],
    ['soft\u00ADhyphen', 'soft_hyphen'],
    ['c1\u0085\u009Bcontrols', 'c1__controls'],
    ['line\u2028para\u2029', 'line_para_'],
    ['tag\u{E0041}s', 'tag_s'],
    ['\u200Dlead.txt', '_lead.txt'],
    ['a.\u200Dtxt', 'a._txt'],
  ])('replaces invisible format characters: %j → %j', (input, expected) => {
    expect(safeLocalName(input)).toBe(expected);
  });

  it('keeps joiners that shape the characters on both sides (Persian words, emoji sequences)', () => {
    expect(safeLocalName('می\u200Cخواهم.txt')).toBe('می\u200Cخواهم.txt');
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    expect(safeLocalName(`${family}.jpg`)).toBe(`${family}.jpg`);
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
