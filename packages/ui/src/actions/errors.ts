import type { TFunction } from 'i18next';
import type { ApiError, NameCheck } from '@pandesk/contract';

/** "What happened" (the back end's words) plus "what to do" (the code's advice), translated. */
export function describeError(t: TFunction, error: ApiError): string {
  const advice = t(`errors.code.${error.code}`);
  return error.message && error.message !== advice ? `${error.message} ${advice}` : advice;
}

/** The name rule that failed, in the current language (the contract's message is English). */
export function describeNameProblem(t: TFunction, check: NameCheck): string | null {
  if (check.ok) return null;
  return t(`errors.invalidName.${check.problem}`, { character: check.character ?? '' });
}
