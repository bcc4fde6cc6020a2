import { PanError } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { DriveError } from '@pandesk/transfer';
import { ApiException } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { createDriveBackend } from './drive-backend';

const signal = new AbortController().signal;
const session = { preuploadId: 'p', sliceSize: 10, server: 'http://up' };

function fakeClient(parts: {
  upload?: Partial<PanClient['upload']>;
  files?: Partial<PanClient['files']>;
  download?: Partial<PanClient['download']>;
}): PanClient {
  return {
    upload: parts.upload ?? {},
    files: parts.files ?? {},
    download: parts.download ?? {},
  } as unknown as PanClient;
}

async function kindOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DriveError);
  return (error as DriveError).kind;
}

describe('DriveBackend over open-api', () => {
  it('maps create answers to instant hits and sessions', async () => {
    const instant = createDriveBackend(() =>
      fakeClient({ upload: { create: async () => ({ reuse: true, fileId: 5 }) } }),
    );
    expect(
      await instant.createUpload(
        { parentId: 0, name: 'a', md5: 'x'.repeat(32), size: 1, duplicate: 'keep_both' },
        signal,
      ),
    ).toEqual({ kind: 'instant', fileId: 5 });
    const sliced = createDriveBackend(() =>
      fakeClient({
        upload: {
          create: async () => ({ reuse: false, preuploadId: 'p', sliceSize: 10, servers: ['http://up'] }),
        },
      }),
    );
    expect(
      await sliced.createUpload(
        { parentId: 0, name: 'a', md5: 'x'.repeat(32), size: 1, duplicate: 'error' },
        signal,
      ),
    ).toEqual({ kind: 'session', ...session });
  });

  it('treats one "not yet" completion poll as not completed, and a real failure as an error', async () => {
    const notYet = createDriveBackend(() =>
      fakeClient({
        upload: {
          complete: async () => Promise.reject(new PanError('upload_failed', 'not finished after 1 polls')),
        },
      }),
    );
    expect(await notYet.completeUpload(session, signal)).toEqual({ completed: false });
    const failed = createDriveBackend(() =>
      fakeClient({
        upload: {
          complete: async () =>
            Promise.reject(new PanError('upload_failed', '文件上传失败', { serviceCode: 1 })),
        },
      }),
    );
    expect(await kindOf(failed.completeUpload(session, signal))).toBe('fatal');
  });

  it('maps failures to the kinds the engine acts on', async () => {
    const failing = (error: unknown) =>
      createDriveBackend(() =>
        fakeClient({
          upload: {
            uploadSlice: async () => Promise.reject(error),
            complete: async () => Promise.reject(error),
          },
          download: { info: async () => Promise.reject(error) },
        }),
      );
    const slice = {
      sliceNo: 1,
      md5: 'm',
      body: { size: 1, read: async (into: Uint8Array) => void into.set([120]) },
    };
    expect(
      await kindOf(
        failing(new PanError('not_found', 'preuploadID不存在或已过期')).uploadSlice(session, slice, signal),
      ),
    ).toBe('session_expired');
    expect(
      await kindOf(
        failing(new PanError('service', '分片MD5校验失败', { serviceCode: 1 })).uploadSlice(
          session,
          slice,
          signal,
        ),
      ),
    ).toBe('slice_rejected');
    expect(await kindOf(failing(new PanError('auth_required', 'x')).downloadUrl(1, signal))).toBe('auth');
    expect(await kindOf(failing(new PanError('timeout', 'x')).downloadUrl(1, signal))).toBe('network');
    expect(await kindOf(failing(new PanError('traffic_exhausted', 'x')).downloadUrl(1, signal))).toBe(
      'quota',
    );
    expect(await kindOf(failing(new PanError('not_found', 'x')).downloadUrl(1, signal))).toBe('not_found');
  });

  it('passes on what to tell the user: the reason, params and the service detail', async () => {
    const refused = new PanError('service', 'file.move: 不能将文件夹移动到自身或其子目录下 (code 1)', {
      serviceCode: 1,
      serviceMessage: '不能将文件夹移动到自身或其子目录下',
      traceId: 't-9',
      reason: 'move_into_itself',
    });
    const backend = createDriveBackend(() =>
      fakeClient({ download: { info: async () => Promise.reject(refused) } }),
    );
    const error = await backend.downloadUrl(1, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DriveError);
    expect((error as DriveError).facts).toEqual({
      reason: 'move_into_itself',
      detail: { serviceCode: 1, serviceMessage: '不能将文件夹移动到自身或其子目录下', traceId: 't-9' },
    });
    const big = new PanError('invalid_argument', 'too big', {
      reason: 'file_too_large',
      params: { maxBytes: 5 },
    });
    const sized = createDriveBackend(() =>
      fakeClient({ download: { info: async () => Promise.reject(big) } }),
    );
    const second = (await sized.downloadUrl(1, signal).catch((e: unknown) => e)) as DriveError;
    expect(second.facts).toEqual({ reason: 'file_too_large', params: { maxBytes: 5 } });
  });

  it('pauses for auth when no drive is signed in', async () => {
    const backend = createDriveBackend(() => {
      throw new ApiException('auth_required', 'sign in');
    });
    expect(await kindOf(backend.downloadUrl(1, signal))).toBe('auth');
  });

  it('lists children as remote entries, folders without size or etag', async () => {
    const backend = createDriveBackend(() =>
      fakeClient({
        files: {
          list: async function* () {
            yield {
              items: [
                {
                  id: 1,
                  name: 'd',
                  parentId: 0,
                  kind: 'folder',
                  size: 9,
                  md5: '',
                  trashed: false,
                  createdAt: 0,
                  updatedAt: 0,
                  category: 0,
                  status: 0,
                },
              ],
              trashed: [],
              nextCursor: -1,
              done: true,
            };
          },
        },
      }),
    );
    const pages = [];
    for await (const page of backend.listChildren(0, signal)) pages.push(page);
    expect(pages).toEqual([[{ fileId: 1, name: 'd', type: 'folder', size: 0, etag: '' }]]);
  });
});
