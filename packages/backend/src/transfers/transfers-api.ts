/**
 * The contract's `transfers` domain: intents forwarded to the current drive's engine, after
 * the local paths they name passed the host's path policy (local-path-guard.ts).
 */
import { ok } from '@pandesk/contract';
import type { TransfersApi } from '@pandesk/contract';
import { mapErrors } from '../errors/map-error';
import { checkWritableFolder } from '../settings/check-folder';
import type { LocalFs } from '../ports';
import type { LocalPathGuard } from './local-path-guard';
import type { TransferService } from './transfer-service';

export function createTransfersApi(
  service: TransferService,
  fs: Pick<LocalFs, 'stat' | 'access'>,
  paths: LocalPathGuard,
): TransfersApi {
  const withEngine = <T>(work: (engine: Awaited<ReturnType<TransferService['engine']>>) => T | Promise<T>) =>
    mapErrors(async () => work(await service.engine())).then(ok);
  /** Every batch the user queues gets its own "finished" notification. */
  const tracked = (batchId: string) => {
    service.trackBatch(batchId);
    return { batchId };
  };
  return {
    upload: (command) =>
      withEngine(async (e) => {
        await paths.checkUploads(command.localPaths);
        return tracked(await e.upload(command));
      }),
    download: (command) =>
      withEngine(async (e) => {
        await checkWritableFolder(fs, command.localDir);
        await paths.checkDownloadFolder(command.localDir);
        return tracked(await e.download(command));
      }),
    pause: ({ ids }) => withEngine((e) => (e.pause(ids), null)),
    resume: ({ ids }) => withEngine((e) => (e.resume(ids), null)),
    cancel: ({ ids }) => withEngine((e) => (e.cancel(ids), null)),
    retry: ({ ids }) => withEngine((e) => (e.retry(ids), null)),
    moveToTop: ({ ids }) => withEngine((e) => (e.moveToTop(ids), null)),
    clearFinished: () => withEngine((e) => (e.clearFinished(), null)),
    clearFailed: () => withEngine(async (e) => (await e.clearFailed(), null)),
    page: (query) => withEngine((e) => e.getPage(query)),
    summary: () => withEngine((e) => e.getSummary()),
  };
}
