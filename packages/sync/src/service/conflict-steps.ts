/**
 * The steps that settle a conflict the user decided (run like any other run, so a crash in
 * the middle resumes): keep the cloud's version — the copy (the local version) goes to the
 * trash on both sides; keep the local version — the file under the name goes to the trash on
 * both sides and the copy takes the name.
 */
import type { SyncConflict } from '@pandesk/contract';
import type { PlanAction } from '../plan/actions';
import type { BaseStore } from '../store/base-store';
import { SyncUserError } from './user-error';

export function conflictSteps(
  base: BaseStore,
  pairId: string,
  conflict: SyncConflict,
  choice: 'keep_local' | 'keep_cloud',
): PlanAction[] {
  const copy = base.get(pairId, conflict.copyPath);
  if (copy === undefined)
    throw new SyncUserError('sync_copy_not_synced', 'The conflict copy is not synced yet.');
  const trashCopy: PlanAction[] = [
    { kind: 'trash_local', path: conflict.copyPath, expect: null, basePath: conflict.copyPath },
    { kind: 'trash_remote', path: conflict.copyPath, fileId: copy.remoteId, basePath: null },
  ];
  if (choice === 'keep_cloud') return trashCopy;
  const main = base.get(pairId, conflict.path);
  const trashMain: PlanAction[] =
    main === undefined
      ? []
      : [
          { kind: 'trash_local', path: conflict.path, expect: null, basePath: conflict.path },
          { kind: 'trash_remote', path: conflict.path, fileId: main.remoteId, basePath: null },
        ];
  return [
    ...trashMain,
    { kind: 'move_local', path: conflict.copyPath, to: conflict.path, baseFrom: conflict.copyPath },
    {
      kind: 'move_remote',
      path: conflict.copyPath,
      to: conflict.path,
      fileId: copy.remoteId,
      baseFrom: conflict.path,
    },
  ];
}
