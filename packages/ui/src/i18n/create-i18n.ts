import type {} from './hot-strings';
import i18next from 'i18next';
import type { i18n as I18n } from 'i18next';
import type { Language } from '@pandesk/contract';
import { en } from './en';
import { zhCN } from './zh-cn';

/** Instances in use under the dev server, for strings edited while `pnpm dev` runs. */
const live = new Set<I18n>();

/** Replaces the strings of every live instance and re-renders them in their current language. */
export function replaceStrings(strings: { en?: unknown; zhCN?: unknown }): void {
  for (const instance of live) {
    if (strings.en !== undefined) instance.addResourceBundle('en', 'translation', strings.en, true, true);
    if (strings.zhCN !== undefined)
      instance.addResourceBundle('zh-CN', 'translation', strings.zhCN, true, true);
    void instance.changeLanguage(instance.language);
  }
}

// Under the dev server an edited string file is swapped in here, so the open window shows the
// new words at once (an i18next instance holds its strings, and React refresh keeps the instance).
if (import.meta.hot)
  import.meta.hot.accept(['./en', './zh-cn'], ([enModule, zhModule]) =>
    replaceStrings({ en: enModule?.en, zhCN: zhModule?.zhCN }),
  );

/**
 * A fresh i18next instance per mounted app (and per test), so two apps or two tests never share
 * a language. Initialised synchronously: resources are bundled, nothing is fetched.
 */
export function createI18n(language: Language = 'en'): I18n {
  const instance = i18next.createInstance();
  if (import.meta.hot) live.add(instance);
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
