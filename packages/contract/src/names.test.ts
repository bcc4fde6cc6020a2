import { describe, expect, it } from 'vitest';
import { checkName, FORBIDDEN_NAME_CHARACTERS, isValidName, MAX_NAME_LENGTH } from './names';

describe('checkName', () => {
  it('accepts ordinary names, including Chinese, dots and inner spaces', () => {
    for (const name of [
      'report.pdf',
      '报告 2025.pdf',
      '.hidden',
      'a b',
      ' leading',
      'x'.repeat(MAX_NAME_LENGTH),
    ]) {
      expect(checkName(name), name).toEqual({ ok: true });
    }
  });

  it('rejects an empty name', () => {
    expect(checkName('')).toMatchObject({ ok: false, problem: 'empty', message: 'A name cannot be empty.' });
  });

  it('rejects names longer than 255 characters, counting code points not UTF-16 units', () => {
    const tooLong = checkName('a'.repeat(256));
    expect(tooLong).toMatchObject({ ok: false, problem: 'too_long' });
    expect(tooLong.ok ? '' : tooLong.message).toBe(
      'A name can have at most 255 characters; this one has 256.',
    );
    // 255 emoji are 510 UTF-16 units but 255 characters: allowed.
    expect(isValidName('😀'.repeat(255))).toBe(true);
    expect(isValidName('😀'.repeat(256))).toBe(false);
  });

  it.each(FORBIDDEN_NAME_CHARACTERS.map((c) => [c]))('rejects the character %s and names it', (c) => {
    const check = checkName(`a${c}b`);
    expect(check).toMatchObject({ ok: false, problem: 'forbidden_character', character: c });
    expect(check.ok ? '' : check.message).toContain(`(found ${c})`);
    expect(check.ok ? '' : check.message).toContain('" \\ / : * ? | > <');
  });

  it('rejects names made only of whitespace: spaces, tabs, line breaks, the ideographic space', () => {
    for (const blank of ['   ', '\t', ' \t ', '\u3000', '\u3000 \u3000', '\n', '\u00a0']) {
      expect(checkName(blank), JSON.stringify(blank)).toMatchObject({ ok: false, problem: 'only_spaces' });
    }
    expect(checkName('\u3000a')).toEqual({ ok: true });
    expect(checkName('a\t')).toEqual({ ok: true });
  });
});
