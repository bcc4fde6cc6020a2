/** Every sync reason has words in both languages, with its values filled in. */
import { describe, expect, it } from 'vitest';
import { SYNC_REASONS } from '@pandesk/contract';
import { createI18n } from './create-i18n';

const LATIN_SENTENCE = /[A-Za-z][A-Za-z’']*(?:[\s,;]+[A-Za-z][A-Za-z’']*){2,}/;
const CJK = /[\u4e00-\u9fff]/;
const PARAMS = { path: '/home/me/Photos', other: 'Other', name: 'a.bin', count: 3 };

describe('sync reason words', () => {
  const en = createI18n('en');
  const zh = createI18n('zh-CN');

  it.each(SYNC_REASONS)('%s is worded in English and Chinese', (reason) => {
    const english = en.t(`errors.reason.${reason}`, PARAMS);
    const chinese = zh.t(`errors.reason.${reason}`, PARAMS);
    expect(english).not.toBe(`errors.reason.${reason}`);
    expect(english).not.toMatch(/\{\{/);
    expect(english).not.toMatch(CJK);
    expect(chinese).toMatch(CJK);
    expect(chinese).not.toMatch(/\{\{/);
    expect(chinese.replace(/“[^”]*”/g, '')).not.toMatch(LATIN_SENTENCE);
  });
});
