import type { TFunction } from 'i18next';
import { describeError, errorDetails } from '../actions/errors';
import type { ErrorFacts } from '../actions/errors';

/**
 * Words kept as what they mean, not as text, so a message already on screen (a toast, a
 * dialog's note) follows a language switch: an i18n key with its values, or an error worded
 * for the action that failed (`action` is a key under `action.`).
 */
export type Words =
  | {
      readonly key: string;
      readonly values?: Readonly<Record<string, string | number>>;
      /** Values that are themselves words: i18n keys, translated when shown. */
      readonly keys?: Readonly<Record<string, string>>;
    }
  | { readonly error: ErrorFacts; readonly action?: string };

export function renderWords(t: TFunction, words: Words): string {
  if ('key' in words) {
    const translated = Object.fromEntries(
      Object.entries(words.keys ?? {}).map(([name, key]) => [name, t(key)]),
    );
    return t(words.key, { ...words.values, ...translated });
  }
  const message = describeError(t, words.error);
  return words.action === undefined
    ? message
    : t('errors.failed', { action: t(`action.${words.action}`), message });
}

/** The details lines behind the words (the service's own code and text), if any. */
export function wordsDetails(t: TFunction, words: Words, extra: readonly string[] = []): string[] {
  return [...('error' in words ? errorDetails(t, words.error) : []), ...extra];
}
