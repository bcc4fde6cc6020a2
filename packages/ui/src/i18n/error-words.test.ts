/**
 * Every error the contract can carry has words in every UI language: each code and each
 * reason, worded in English and in Simplified Chinese (no English sentence left in Chinese,
 * no Chinese in English), and what a waiting transfer waits for.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS } from '@pandesk/contract';
import { describeError } from '../actions/errors';
import { createI18n } from './create-i18n';

/** Three or more Latin words in a row: an English sentence (product names and ids are shorter). */
const LATIN_SENTENCE = /[A-Za-z][A-Za-z’']*(?:[\s,;]+[A-Za-z][A-Za-z’']*){2,}/;
const CJK = /[\u4e00-\u9fff]/;

/** Values for every param any reason's words use. */
const PARAMS = {
  name: 'a.bin',
  path: '/tmp/a.bin',
  id: 42,
  status: 503,
  code: 'EIO',
  field: 'httpProxy',
  maxBytes: 1024,
  other: 'Other',
  count: 3,
  hours: 48,
  limitMb: 2048,
};

describe('error words', () => {
  const en = createI18n('en');
  const zh = createI18n('zh-CN');

  it.each(ERROR_CODES)('code %s is worded in both languages', (code) => {
    const english = en.t(`errors.code.${code}`);
    const chinese = zh.t(`errors.code.${code}`);
    expect(english).not.toBe(`errors.code.${code}`);
    expect(chinese).not.toBe(`errors.code.${code}`);
    expect(chinese).toMatch(CJK);
    expect(chinese).not.toMatch(LATIN_SENTENCE);
    expect(english).not.toMatch(CJK);
  });

  it.each(ERROR_REASONS)('reason %s is worded in both languages, its params filled', (reason) => {
    const facts = { reason, params: PARAMS };
    const english = describeError(en.t.bind(en), facts);
    const chinese = describeError(zh.t.bind(zh), facts);
    expect(english).toBe(
      en.t(`errors.reason.${reason}`, { ...PARAMS, size: '1.0 KB', field: 'HTTP(S) proxy for all traffic' }),
    );
    expect(english).not.toMatch(/\{\{/);
    expect(chinese).not.toMatch(/\{\{/);
    expect(chinese).toMatch(CJK);
    expect(chinese.replace(/“[^”]*”/g, '')).not.toMatch(LATIN_SENTENCE);
    expect(english).not.toMatch(CJK);
  });

  it('falls back to the code’s words when a reason’s param is missing, never showing a placeholder', () => {
    const t = en.t.bind(en);
    expect(describeError(t, { code: 'not_found', reason: 'local_source_missing' })).toBe(
      en.t('errors.code.not_found'),
    );
  });

  it('words what a waiting transfer waits for in both languages', () => {
    for (const reason of [
      'rate_limited',
      'service_unavailable',
      'service_busy',
      'service_unreachable',
      'network_lost',
    ]) {
      expect(zh.t(`transfers.waiting.${reason}`)).toMatch(CJK);
      expect(en.t(`transfers.waiting.${reason}`)).not.toMatch(CJK);
    }
  });
});
