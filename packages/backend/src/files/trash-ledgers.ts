import type { PanClient } from '@pandesk/open-api';
import type { AuthService } from '../auth/auth-types';
import type { LocalFs } from '../ports';
import { createTrashLedger, trashLedgerPath } from './trash-ledger';
import type { TrashLedger } from './trash-ledger';

/**
 * The trash ledger of the drive in use: one for the demo drive, one per real account (its uid,
 * asked once per session), so switching accounts never mixes their recycle bins.
 */
export function trashLedgersByDrive(input: {
  fs: LocalFs;
  userData: string;
  auth: Pick<AuthService, 'requireClient' | 'mode'>;
}): () => Promise<TrashLedger> {
  const { auth } = input;
  const uids = new WeakMap<PanClient, Promise<number>>();
  const ledgers = new Map<string, TrashLedger>();
  return async () => {
    const client = auth.requireClient();
    let uid = uids.get(client);
    if (uid === undefined && auth.mode() === 'real') {
      uid = client.user.info().then((u) => u.uid);
      uids.set(client, uid);
      uid.catch(() => uids.delete(client)); // asked again next time
    }
    const path = trashLedgerPath(
      input.userData,
      uid === undefined ? { mode: 'demo' } : { mode: 'real', uid: await uid },
    );
    let found = ledgers.get(path);
    if (found === undefined) ledgers.set(path, (found = createTrashLedger(input.fs, path)));
    return found;
  };
}
