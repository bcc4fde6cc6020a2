import { createFileActions } from './file-actions';
import type { FileActions } from './file-actions';
import { createTransferActions } from './transfer-actions';
import type { TransferActions } from './transfer-actions';
import type { ActionDeps } from './deps';

export type Actions = FileActions & TransferActions;

/** The app's intents, built once per mounted app over its stores and bridge. */
export function createActions(deps: ActionDeps): Actions {
  const files = createFileActions(deps);
  return { ...files, ...createTransferActions(deps, files) };
}
