/**
 * File and folder name rules (reference §11), checked with the contract's `checkName`, the one
 * implementation the client and the UI use too. A violation answers code 1 with a message that
 * starts `文件名要小于256个字符且不能包含以下任何字符`.
 */
import { checkName } from '@pandesk/contract';
import { ApiError, CODES } from './errors';

export const NAME_RULE_MESSAGE = `文件名要小于256个字符且不能包含以下任何字符："\\/:*?|><`;

/** Throws the service's name-rule error (code 1) when `name` is not a string or breaks §11. */
export function assertValidName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !checkName(name).ok) {
    throw new ApiError(CODES.general, NAME_RULE_MESSAGE);
  }
}

/** Splits "a.txt" into {base:"a", ext:".txt"}; dot-files and names without a dot have ext "". */
export function splitExt(name: string): { base: string; ext: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { base: name, ext: '' };
  return { base: name.slice(0, dot), ext: name.slice(dot) };
}

/** Reference §1.5 categories: 0 unknown, 1 audio, 2 video, 3 image, 10 document (own choice). */
export function categoryOf(name: string): number {
  const ext = splitExt(name).ext.slice(1).toLowerCase();
  if (['mp3', 'flac', 'wav', 'aac', 'ogg', 'm4a', 'ape'].includes(ext)) return 1;
  if (['mp4', 'mkv', 'avi', 'mov', 'wmv', 'flv', 'webm', 'ts'].includes(ext)) return 2;
  if (['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'heic', 'svg'].includes(ext)) return 3;
  if (['txt', 'md', 'pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'json'].includes(ext)) return 10;
  return 0;
}
