import { checkName } from '@pandesk/contract';
import { PanError } from '../errors';

/**
 * Throws `invalid_name` before any request when `name` breaks the service's naming rules
 * (the contract's `checkName`), so the user gets a clear message without a round trip.
 */
export function assertValidName(name: string): void {
  const check = checkName(name);
  if (!check.ok)
    throw new PanError('invalid_name', check.message, {
      params: {
        problem: check.problem,
        ...(check.character === undefined ? {} : { character: check.character }),
      },
    });
}
