import type { DuplicatePolicy } from '../types';

export function duplicateToWire(policy: DuplicatePolicy | undefined): 0 | 1 | 2 {
  if (policy === 'keep_both') return 1;
  if (policy === 'overwrite') return 2;
  return 0;
}
