/**
 * The contract's `directLinks` domain: enable and disable direct-link space on folders, hand
 * out a file's link (signed with the stored private key when there is one, valid for the chosen
 * number of minutes), and the write-only signing settings. Calls that reach the service are
 * refused up front for an account without VIP or developer benefits.
 */
import type { AuthStatus, DirectLinkStatus, DirectLinksApi, FileId } from '@pandesk/contract';
import { signDirectLink } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { cloudError } from '../cloud/cloud-errors';
import type { CloudRun } from '../cloud/cloud-errors';
import type { DriveIdentity } from '../cloud/drive-identity';
import type { Clock } from '../ports';
import type { DirectLinkKey } from './direct-link-key';
import type { DirectLinkStore } from './direct-link-store';

export interface DirectLinksApiOptions {
  client: () => PanClient;
  identity: () => Promise<DriveIdentity>;
  status: () => AuthStatus;
  key: DirectLinkKey;
  store: DirectLinkStore;
  clock: Clock;
  run: CloudRun;
}

/** False only when the account is known and has neither benefit. */
export function hasDirectLinkBenefit(status: AuthStatus): boolean {
  if (status.state !== 'signed_in' && status.state !== 'demo') return true;
  return status.account.vipLevel > 0 || status.account.developer;
}

export function createDirectLinksApi(options: DirectLinksApiOptions): DirectLinksApi {
  const { store, key, run } = options;

  async function status(): Promise<DirectLinkStatus> {
    const enabledFolderIds = await options
      .identity()
      .then((drive) => store.folders(drive.key))
      .catch(() => [] as FileId[]); // no drive yet: nothing enabled to show
    return {
      enabledFolderIds,
      hasPrivateKey: key.value() !== null,
      signedLinkMinutes: await store.signedLinkMinutes(),
    };
  }

  function requireBenefit(): PanClient {
    const client = options.client();
    if (!hasDirectLinkBenefit(options.status())) throw cloudError('benefit_required');
    return client;
  }

  async function toggle(folderId: FileId, enabled: boolean): Promise<DirectLinkStatus> {
    const client = requireBenefit();
    if (enabled) await client.directLinks.enable(folderId);
    else await client.directLinks.disable(folderId);
    await store.setEnabled((await options.identity()).key, folderId, enabled);
    return status();
  }

  return {
    status: () => run(status),
    enable: ({ folderId }) => run(() => toggle(folderId, true)),
    disable: ({ folderId }) => run(() => toggle(folderId, false)),
    url: ({ fileId }) =>
      run(async () => {
        const url = await requireBenefit().directLinks.url(fileId);
        const privateKey = key.value();
        if (privateKey === null) return { fileId, url, signed: false, expiresAt: null };
        const expiresAt = options.clock.now() + (await store.signedLinkMinutes()) * 60_000;
        const { uid } = await options.identity();
        return { fileId, url: signDirectLink(url, { uid, privateKey, expiresAt }), signed: true, expiresAt };
      }),
    setSigning: (patch) =>
      run(async () => {
        if (patch.privateKey !== undefined) await key.set(patch.privateKey);
        if (patch.signedLinkMinutes !== undefined) await store.setSignedLinkMinutes(patch.signedLinkMinutes);
        return status();
      }),
  };
}
