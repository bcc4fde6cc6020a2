import type { Language } from '@pandesk/contract';

/** Each language's name in itself (the convention for language pickers: readable whatever the current language). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };
