/**
 * Which drive the back end is using now, for data kept per drive (recent cloud tasks, the
 * folders with direct links): `demo` for the demo drive, the account's uid for the real one.
 * The uid is asked once per client (per session) and is also what direct links are signed with.
 */
import type { PanClient } from '@pandesk/open-api';
import type { AuthService } from '../auth/auth-types';

export interface DriveIdentity {
  /** `demo` or the account's uid, usable in a file name. */
  readonly key: string;
  readonly uid: number;
}

export function createDriveIdentity(
  auth: Pick<AuthService, 'requireClient' | 'mode'>,
): (client?: PanClient) => Promise<DriveIdentity> {
  const uids = new WeakMap<PanClient, Promise<number>>();
  return async (client = auth.requireClient()) => {
    let uid = uids.get(client);
    if (uid === undefined) {
      uid = client.user.info().then((u) => u.uid);
      uids.set(client, uid);
      uid.catch(() => uids.delete(client)); // asked again next time
    }
    const mode = auth.mode();
    return { key: mode === 'demo' ? 'demo' : String(await uid), uid: await uid };
  };
}
