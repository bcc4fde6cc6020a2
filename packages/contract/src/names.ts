/**
 * The 123pan naming rules (API reference §11), the one implementation used by the UI (checked
 * while typing, before any request), the back end (checked again at the boundary), the Open API
 * client (before sending) and the emulator (refusing like the service). The service counts
 * characters, so length is measured in Unicode code points, not UTF-16 units.
 */

/** Longest name the service accepts, in characters. */
export const MAX_NAME_LENGTH = 255;

/** Characters the service refuses anywhere in a name. */
export const FORBIDDEN_NAME_CHARACTERS = ['"', '\\', '/', ':', '*', '?', '|', '>', '<'] as const;

export type NameProblem = 'empty' | 'too_long' | 'forbidden_character' | 'only_spaces';

export type NameCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly problem: NameProblem;
      /** A plain-words English explanation; the UI may translate by `problem` instead. */
      readonly message: string;
      /** The first offending character, for `forbidden_character`. */
      readonly character?: string;
    };

const FORBIDDEN = new Set<string>(FORBIDDEN_NAME_CHARACTERS);

function problem(kind: NameProblem, message: string, character?: string): NameCheck {
  return character === undefined
    ? { ok: false, problem: kind, message }
    : { ok: false, problem: kind, message, character };
}

/**
 * Checks a file or folder name against the service's rules; never throws. "Only spaces" is
 * read strictly: a name made only of any whitespace (space, tab, line breaks, the ideographic
 * space U+3000, no-break spaces...: whatever `String.prototype.trim` removes) is refused, since
 * the service shows such a name as blank.
 */
export function checkName(name: string): NameCheck {
  if (name.length === 0) return problem('empty', 'A name cannot be empty.');
  const characters = [...name];
  if (characters.length > MAX_NAME_LENGTH) {
    return problem(
      'too_long',
      `A name can have at most ${MAX_NAME_LENGTH} characters; this one has ${characters.length}.`,
    );
  }
  const bad = characters.find((c) => FORBIDDEN.has(c));
  if (bad !== undefined) {
    return problem(
      'forbidden_character',
      `A name cannot contain any of these characters: ${FORBIDDEN_NAME_CHARACTERS.join(' ')} (found ${bad}).`,
      bad,
    );
  }
  if (name.trim() === '') {
    return problem('only_spaces', 'A name cannot be made only of spaces.');
  }
  return { ok: true };
}

/** True when {@link checkName} finds no problem. */
export function isValidName(name: string): boolean {
  return checkName(name).ok;
}
