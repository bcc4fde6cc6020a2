/**
 * The transfer engine's DriveBackend port implemented with the open-api client of whichever
 * drive session is current: the one adapter the app ships, and the one the engine's integration
 * and crash tests run over (against fake-pan). Failures become DriveErrors (errors.ts).
 */
import type { PanClient, PanEntry } from '@pandesk/open-api';
import { isPanError } from '@pandesk/open-api';
import type { DriveBackend, RemoteEntry, WaitListener } from '@pandesk/transfer';
import { guard } from './errors';

function toRemote(entry: PanEntry): RemoteEntry {
  return {
    fileId: entry.id,
    name: entry.name,
    type: entry.kind,
    size: entry.kind === 'folder' ? 0 : entry.size,
    etag: entry.kind === 'folder' ? '' : entry.md5.toLowerCase(),
  };
}

/** `client` answers the current session's client or throws (auth required). */
export function createDriveBackend(client: () => PanClient): DriveBackend {
  return {
    uploadSingle: (request, body, signal, onWait) =>
      guard('other', async () => ({
        fileId: await client().upload.single({
          parentId: request.parentId,
          filename: request.name,
          size: request.size,
          md5: request.md5,
          duplicate: request.duplicate,
          body,
          signal,
          onWait,
        }),
      })),
    createUpload: (request, signal, onWait) =>
      guard('other', async () => {
        const created = await client().upload.create({
          parentId: request.parentId,
          filename: request.name,
          size: request.size,
          md5: request.md5,
          duplicate: request.duplicate,
          signal,
          onWait,
        });
        if (created.reuse) return { kind: 'instant', fileId: created.fileId };
        // open-api refuses an answer without servers (bad_response), so one is always there.
        return {
          kind: 'session',
          preuploadId: created.preuploadId,
          sliceSize: created.sliceSize,
          server: created.servers[0] as string,
        };
      }),
    uploadSlice: (session, slice, signal, onWait) =>
      guard('slice', () =>
        client().upload.uploadSlice({
          server: session.server,
          preuploadId: session.preuploadId,
          sliceNo: slice.sliceNo,
          md5: slice.md5,
          body: slice.body,
          signal,
          onWait,
        }),
      ),
    completeUpload: (session, signal, onWait) =>
      guard('session', async () => {
        try {
          return {
            completed: true,
            fileId: await client().upload.complete(session.preuploadId, { signal, onWait, budget: 1 }),
          };
        } catch (error) {
          // One poll that was "not yet": the engine polls again. A real failure carries a service code.
          if (isPanError(error) && error.code === 'upload_failed' && error.serviceCode === undefined)
            return { completed: false };
          throw error;
        }
      }),
    downloadUrl: (fileId, signal, onWait) =>
      guard('other', async () => (await client().download.info(fileId, { signal, onWait })).url),
    fileInfo: (fileId, signal, onWait) =>
      guard('other', async () => toRemote(await client().files.detail(fileId, { signal, onWait }))),
    listChildren: (parentId, signal, onWait) => listChildren(client, parentId, signal, onWait),
    ensureFolder: (parentId, name, signal, onWait) =>
      guard('other', () => client().files.ensureFolderPath([name], { rootId: parentId, signal, onWait })),
  };
}

async function* listChildren(
  client: () => PanClient,
  parentId: number,
  signal: AbortSignal,
  onWait?: WaitListener,
): AsyncIterable<readonly RemoteEntry[]> {
  const pages = await guard('other', async () =>
    client().files.list(parentId, { signal, onWait })[Symbol.asyncIterator](),
  );
  for (;;) {
    const next = await guard('other', () => pages.next());
    if (next.done === true) return;
    yield next.value.items.map(toRemote);
  }
}
