/**
 * The transfer engine's DriveBackend port implemented with the open-api client of whichever
 * drive session is current. Failures become DriveErrors whose kind tells the engine what to
 * do (pause for auth, retry the network, restart an expired upload session ...).
 */
import { DriveError } from '@pandesk/transfer';
import type { DriveBackend, DriveErrorKind, RemoteEntry } from '@pandesk/transfer';
import { isPanError } from '@pandesk/open-api';
import type { PanClient, PanEntry, PanErrorCode } from '@pandesk/open-api';
import { ApiException } from '@pandesk/contract';

const KIND: Partial<Record<PanErrorCode, DriveErrorKind>> = {
  auth_required: 'auth',
  rate_limited: 'rate_limited',
  network: 'network',
  timeout: 'network',
  server: 'network',
  processing: 'network',
  not_found: 'not_found',
  name_conflict: 'name_conflict',
  quota: 'quota',
  traffic_exhausted: 'quota',
};

/** Which failures mean "the pre-upload session is gone" (the service answers "does not exist"). */
type Stage = 'other' | 'session' | 'slice';

function toDriveError(error: unknown, stage: Stage): unknown {
  if (error instanceof DriveError) return error;
  if (error instanceof ApiException && error.code === 'auth_required')
    return new DriveError('auth', error.message);
  if (!isPanError(error)) return error;
  if (error.code === 'aborted') return error;
  if (stage !== 'other' && error.code === 'not_found')
    return new DriveError('session_expired', 'The upload session expired; starting the upload again.');
  if (stage === 'slice' && error.code === 'service' && /MD5|校验/i.test(error.message))
    return new DriveError('slice_rejected', 'The service rejected a slice; sending it again.');
  return new DriveError(KIND[error.code] ?? 'fatal', error.message.replace(/^[\w.]+:\s*/, ''));
}

async function guard<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toDriveError(error, stage);
  }
}

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
    createUpload: (request, signal) =>
      guard('other', async () => {
        const created = await client().upload.create({
          parentId: request.parentId,
          filename: request.name,
          size: request.size,
          md5: request.md5,
          duplicate: request.duplicate,
          signal,
        });
        if (created.reuse) return { kind: 'instant', fileId: created.fileId };
        const server = created.servers[0];
        if (server === undefined) throw new DriveError('network', 'The service offered no upload server.');
        return { kind: 'session', preuploadId: created.preuploadId, sliceSize: created.sliceSize, server };
      }),
    uploadSlice: (session, slice, signal) =>
      guard('slice', () =>
        client().upload.uploadSlice({
          server: session.server,
          preuploadId: session.preuploadId,
          sliceNo: slice.sliceNo,
          md5: slice.md5,
          body: slice.body,
          signal,
        }),
      ),
    completeUpload: (session, signal) =>
      guard('session', async () => {
        try {
          return {
            completed: true,
            fileId: await client().upload.complete(session.preuploadId, { signal, budget: 1 }),
          };
        } catch (error) {
          // One poll that was "not yet": the engine polls again. A real failure carries a service code.
          if (isPanError(error) && error.code === 'upload_failed' && error.serviceCode === undefined)
            return { completed: false };
          throw error;
        }
      }),
    downloadUrl: (fileId, signal) =>
      guard('other', async () => (await client().download.info(fileId, { signal })).url),
    fileInfo: (fileId, signal) =>
      guard('other', async () => toRemote(await client().files.detail(fileId, { signal }))),
    listChildren: (parentId, signal) => listChildren(client, parentId, signal),
    ensureFolder: (parentId, name, signal) =>
      guard('other', () => client().files.ensureFolderPath([name], { rootId: parentId, signal })),
  };
}

async function* listChildren(
  client: () => PanClient,
  parentId: number,
  signal: AbortSignal,
): AsyncIterable<readonly RemoteEntry[]> {
  const pages = client().files.list(parentId, { signal })[Symbol.asyncIterator]();
  for (;;) {
    const next = await guard('other', () => pages.next());
    if (next.done === true) return;
    yield next.value.items.map(toRemote);
  }
}
