/**
 * A DriveBackend over the open-api client, used by the crash and integration tests against
 * fake-pan (the back end will own the production adapter). Error mapping is the part worth
 * copying: PanError codes → DriveError kinds, with "unknown preuploadID" → session_expired.
 */
import { isPanError } from '@pandesk/open-api';
import type { PanClient, PanEntry } from '@pandesk/open-api';
import type { DriveBackend, DriveErrorKind, RemoteEntry } from '../ports';
import { DriveError } from '../ports';

const UNKNOWN_SESSION = /preuploadID不存在|已过期|unknown preupload/i;

function toEntry(e: PanEntry): RemoteEntry {
  return { fileId: e.id, name: e.name, type: e.kind, size: e.size, etag: e.md5 };
}

function kindOf(error: unknown, during: 'slice' | 'complete' | 'other'): DriveErrorKind | null {
  if (!isPanError(error)) return null;
  switch (error.code) {
    case 'auth_required':
      return 'auth';
    case 'rate_limited':
      return 'rate_limited';
    case 'network':
    case 'timeout':
    case 'server':
    case 'processing':
    case 'bad_response':
      return 'network';
    case 'not_found':
      // open-api reads "preuploadID不存在或已过期" as not_found: during a session it means the session is gone.
      return during === 'other' ? 'not_found' : 'session_expired';
    case 'name_conflict':
      return 'name_conflict';
    case 'quota':
      return 'quota';
    case 'aborted':
      return null;
    default:
      if (during !== 'other' && UNKNOWN_SESSION.test(error.message)) return 'session_expired';
      if (during === 'slice') return 'slice_rejected';
      return 'fatal';
  }
}

async function mapped<T>(
  during: 'slice' | 'complete' | 'other',
  signal: AbortSignal,
  op: () => Promise<T>,
): Promise<T> {
  try {
    return await op();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const kind = kindOf(error, during);
    if (kind === null) throw error;
    throw new DriveError(kind, error instanceof Error ? error.message : 'service error');
  }
}

export function createPanBackend(client: PanClient): DriveBackend {
  const backend: DriveBackend = {
    createUpload: (req, signal) =>
      mapped('other', signal, async () => {
        const r = await client.upload.create({
          parentId: req.parentId,
          filename: req.name,
          size: req.size,
          md5: req.md5,
          duplicate: req.duplicate,
          signal,
        });
        if (r.reuse) return { kind: 'instant', fileId: r.fileId };
        return {
          kind: 'session',
          preuploadId: r.preuploadId,
          sliceSize: r.sliceSize,
          server: r.servers[0] ?? '',
        };
      }),
    uploadSlice: (session, slice, signal) =>
      mapped('slice', signal, () =>
        client.upload.uploadSlice({
          server: session.server,
          preuploadId: session.preuploadId,
          sliceNo: slice.sliceNo,
          body: slice.body,
          md5: slice.md5,
          signal,
        }),
      ),
    completeUpload: (session, signal) =>
      mapped('complete', signal, async () => ({
        completed: true as const,
        fileId: await client.upload.complete(session.preuploadId, { signal }),
      })),
    downloadUrl: (fileId, signal) =>
      mapped('other', signal, async () => (await client.download.info(fileId, { signal })).url),
    fileInfo: (fileId, signal) =>
      mapped('other', signal, async () => toEntry(await client.files.detail(fileId, { signal }))),
    async *listChildren(parentId, signal) {
      const pages = client.files.list(parentId, { signal })[Symbol.asyncIterator]();
      for (;;) {
        const next = await mapped('other', signal, () => pages.next());
        if (next.done) return;
        yield next.value.items.map(toEntry);
      }
    },
    ensureFolder: (parentId, name, signal) =>
      mapped('other', signal, async () => {
        const find = async (): Promise<number | undefined> => {
          for await (const page of client.files.list(parentId, { signal })) {
            const hit = page.items.find((e) => e.kind === 'folder' && e.name === name);
            if (hit) return hit.id;
          }
          return undefined;
        };
        const existing = await find();
        if (existing !== undefined) return existing;
        try {
          return await client.files.mkdir(parentId, name, { signal });
        } catch (error) {
          const again = isPanError(error) && error.code === 'name_conflict' ? await find() : undefined;
          if (again === undefined) throw error;
          return again;
        }
      }),
  };
  return backend;
}
