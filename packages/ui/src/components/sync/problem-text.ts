import type { TFunction } from 'i18next';
import type { SyncProblem } from '@pandesk/contract';
import { describeError } from '../../actions/errors';

/**
 * A sync problem in the user's language: its reason's words with their values, else its
 * code's (the app's error words); the service's own words (when it refused) follow in quotes,
 * as it wrote them.
 */
export function syncProblemText(t: TFunction, problem: SyncProblem): string {
  const words = describeError(t, problem);
  return problem.serviceMessage === undefined ? words : `${words} “${problem.serviceMessage}”`;
}
