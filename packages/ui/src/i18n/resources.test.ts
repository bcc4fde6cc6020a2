import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-cn';
import { createI18n } from './create-i18n';

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('resources', () => {
  it('has every English string in Simplified Chinese, with the same placeholders', () => {
    const zh = new Map(leaves(zhCN));
    for (const [key, text] of leaves(en)) {
      const other = zh.get(key);
      expect(other, key).toBeTruthy();
      const vars = (s: string): string[] => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1] ?? '').sort();
      expect(vars(other ?? ''), key).toEqual(vars(text));
    }
  });

  it('plurals and number formatting work per language', () => {
    const i18n = createI18n('en');
    expect(i18n.t('list.count', { count: 1 })).toBe('1 item');
    expect(i18n.t('list.count', { count: 12345 })).toBe('12,345 items');
    void i18n.changeLanguage('zh-CN');
    expect(i18n.t('list.count', { count: 2 })).toBe('2 项');
  });
});
