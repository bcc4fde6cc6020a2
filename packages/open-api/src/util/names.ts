import { PanError } from '../errors';

/** Characters the service forbids in names (§11); `\` is forbidden everywhere. */
const FORBIDDEN = /["\\/:*?|><]/;
export const MAX_NAME_LENGTH = 255;

/** Why `name` breaks the service's rules, or null when it is acceptable. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'the name is empty';
  if ([...name].length > MAX_NAME_LENGTH) return `the name is longer than ${MAX_NAME_LENGTH} characters`;
  if (FORBIDDEN.test(name)) return 'the name contains one of " \\ / : * ? | > <';
  if (name.trim() === '') return 'the name is only spaces';
  return null;
}

/** Throw `invalid_name` before any request, so the user gets a clear message without a round trip. */
export function assertValidName(name: string): void {
  const problem = nameProblem(name);
  if (problem) throw new PanError('invalid_name', problem);
}
