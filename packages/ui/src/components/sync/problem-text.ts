import type { TFunction } from 'i18next';
import type { SyncProblem } from '@pandesk/contract';

/**
 * A sync problem in the user's language: its reason's words with their values, else its
 * code's; the service's own words (when it refused) follow in quotes, as it wrote them.
 */
export function syncProblemText(t: TFunction, problem: SyncProblem): string {
  const words =
    problem.reason === undefined
      ? t(`errors.code.${problem.code}`)
      : t(`sync.reason.${problem.reason}`, { ...problem.params });
  return problem.serviceMessage === undefined ? words : `${words} “${problem.serviceMessage}”`;
}
