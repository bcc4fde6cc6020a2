import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import type { Language } from '@pandesk/contract';
import { en } from './en';
import { zhCN } from './zh-cn';

/**
 * A fresh i18next instance per mounted app (and per test), so two apps or two tests never share
 * a language. Initialised synchronously: resources are bundled, nothing is fetched.
 */
export function createI18n(language: Language = 'en'): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
