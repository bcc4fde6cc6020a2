import { EXTRACTION_CODE_PATTERN, MAX_SHARE_NAME_CHARS, checkName } from '@pandesk/contract';
import type { TFunction } from 'i18next';
import type { FileEntry, ShareExpiryDays } from '@pandesk/contract';
import { describeNameProblem } from '../../actions/errors';
import type { TrafficForm } from './share-traffic-fields';

export interface ShareForm {
  name: string;
  expiryDays: ShareExpiryDays;
  useCode: boolean;
  code: string;
  traffic: TrafficForm;
}

/** Letters and digits that cannot be mistaken for one another when read out or typed. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A fresh 4-character extraction code from the browser's secure random source. */
export function generateCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** The first item's name, cut to the service's share-name length. */
export function defaultShareName(entries: readonly Pick<FileEntry, 'name'>[]): string {
  return [...(entries[0]?.name ?? '')].slice(0, MAX_SHARE_NAME_CHARS).join('');
}

/** What is wrong with the name, in words, or null. */
export function shareNameProblem(t: TFunction, name: string): string | null {
  const rule = describeNameProblem(t, checkName(name));
  if (rule !== null) return rule;
  return [...name].length > MAX_SHARE_NAME_CHARS
    ? t('share.nameTooLong', { count: MAX_SHARE_NAME_CHARS })
    : null;
}

export function codeProblem(t: TFunction, form: ShareForm): string | null {
  return form.useCode && !EXTRACTION_CODE_PATTERN.test(form.code) ? t('share.badCode') : null;
}
