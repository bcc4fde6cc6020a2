import type { Clock as ContractClock } from '@pandesk/contract';
import { systemClock as contractSystemClock } from '@pandesk/contract';
import { createManualClock } from '@pandesk/contract/testing';
import type { Clock as TransferClock } from '@pandesk/transfer';
import { expect, it } from 'vitest';

/**
 * The transfer engine still declares its own Clock; it must stay the same shape as the
 * contract's, so the engine can switch to the contract's with an import change and the back end
 * can hand it any contract clock meanwhile. `pnpm typecheck` fails here if the two drift apart.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const shapesMatch: Same<ContractClock, TransferClock> = true;

it('contract clocks fit where the transfer engine takes its Clock', () => {
  const forEngine: TransferClock[] = [contractSystemClock, createManualClock({ start: 5 })];
  expect(shapesMatch).toBe(true);
  expect(forEngine[1]?.now()).toBe(5);
});
