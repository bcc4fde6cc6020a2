import { TAB_VIEWABLE_EXTENSIONS } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { INLINE_TYPES, inlineContentType } from './inline-types';

describe('inline types', () => {
  it('has a Content-Type for exactly the extensions the UI opens in a tab', () => {
    expect(Object.keys(INLINE_TYPES).sort()).toEqual(TAB_VIEWABLE_EXTENSIONS.map((e) => `.${e}`).sort());
  });

  it('never shows markup that could run script', () => {
    for (const name of ['a.html', 'a.htm', 'a.svg', 'a.xml', 'a.xhtml', 'a'])
      expect(inlineContentType(name), name).toBeUndefined();
    expect(inlineContentType('A.PNG')).toBe('image/png');
  });
});
