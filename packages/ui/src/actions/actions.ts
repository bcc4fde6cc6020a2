import { createCloudActions } from './cloud-actions';
import type { CloudActions } from './cloud-actions';
import { createCopyActions } from './copy-actions';
import type { CopyActions } from './copy-actions';
import { createFileActions } from './file-actions';
import type { FileActions } from './file-actions';
import { createOpenActions } from './open-actions';
import type { OpenActions } from './open-actions';
import { createTransferActions } from './transfer-actions';
import type { TransferActions } from './transfer-actions';
import type { ActionDeps } from './deps';

export type Actions = FileActions & TransferActions & CloudActions & CopyActions & OpenActions;

/** The app's intents, built once per mounted app over its stores and bridge. */
export function createActions(deps: ActionDeps): Actions {
  const files = createFileActions(deps);
  const cloud = createCloudActions(deps);
  const copies = createCopyActions(deps, cloud);
  const transfers = createTransferActions(deps, files);
  return {
    ...files,
    ...transfers,
    ...cloud,
    ...copies,
    ...createOpenActions(deps, files, transfers),
    // Paste moves what was cut and copies what was copied.
    paste: () => (deps.ui.getState().clipboardMode === 'copy' ? copies.pasteCopy() : files.paste()),
  };
}
