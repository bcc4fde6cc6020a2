/** The contract's `sync` domain over the sync service of the drive in use. */
import { ok } from '@pandesk/contract';
import type { SyncApi } from '@pandesk/contract';
import { syncCall } from './sync-errors';
import type { SyncHost } from './sync-host';

export function createSyncApi(host: SyncHost): SyncApi {
  const call = <T>(work: () => T | Promise<T>) => syncCall(work).then(ok);
  const s = () => host.service();
  return {
    list: () => call(() => host.list()),
    add: (input) => call(() => s().add(input)),
    update: (input) => call(() => s().update(input)),
    remove: ({ id }) => call(async () => (await s().remove(id), null)),
    runNow: ({ id }) => call(() => (s().runNow(id), null)),
    dryRun: ({ id }) => call(() => s().dryRun(id)),
    plan: ({ id }) => call(() => s().plan(id)),
    confirmPlan: ({ id, planId, accept }) => call(() => (s().confirmPlan(id, planId, accept), null)),
    conflicts: ({ id }) => call(() => s().conflicts(id)),
    resolveConflict: ({ id, conflictId, choice }) =>
      call(() => (s().resolveConflict(id, conflictId, choice), null)),
    history: ({ id }) => call(() => s().history(id)),
    pauseAll: ({ paused }) => call(() => (s().pauseAll(paused), null)),
  };
}
