import { describe, expect, it } from 'vitest';
import { checkName, FORBIDDEN_NAME_CHARACTERS, isValidName, MAX_NAME_LENGTH, nameSchema } from './names';

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

  it('rejects names made only of spaces but not names with other whitespace', () => {
    expect(checkName('   ')).toMatchObject({ ok: false, problem: 'only_spaces' });
    expect(checkName(' \t ')).toEqual({ ok: true });
  });

  it('reports the same message through the zod schema', () => {
    const parsed = nameSchema.safeParse('a:b');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/cannot contain .* \(found :\)/);
    expect(nameSchema.safeParse('fine').success).toBe(true);
  });
});
