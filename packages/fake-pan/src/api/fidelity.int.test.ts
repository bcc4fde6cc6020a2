/**
 * Audit sweep over every JSON-body endpoint (reference §1.2, §1.3, §12 "Envelope everywhere" and
 * "Lenient input"):
 * - body keys match whatever their casing (all lower case here, all upper case for a second call);
 * - every id field accepts a numeric string;
 * - mutations answer exactly `{code: 0, message: "ok", data: null}`.
 * Exact field names and the quota answer: `wire-shapes.int.test.ts`.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login, type Envelope } from '../testing/api-call';

let pan: FakePan;
let token: string;

beforeAll(async () => {
  pan = await startFakePan({ faults: { rateLimits: false, completePolls: 0 } });
  token = await login(pan);
});
afterAll(() => pan.close());

/** Re-keys a body in one casing, e.g. `{fileIDs}` → `{fileids}`. */
function recase(body: Record<string, unknown>, upper: boolean): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [upper ? k.toUpperCase() : k.toLowerCase(), v]),
  );
}

const send = <T = unknown>(method: string, path: string, body: Record<string, unknown>, upper = false) =>
  api<T>(pan, method, path, { token, body: recase(body, upper) });

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

function expectMutationOk(env: Envelope): void {
  expect(env).toEqual({ code: 0, message: 'ok', data: null, 'x-traceID': env['x-traceID'] });
}

describe('every JSON endpoint: any key casing, numeric-string ids', () => {
  test('access_token', async () => {
    for (const upper of [false, true]) {
      const env = await send<{ accessToken: string }>(
        'POST',
        '/api/v1/access_token',
        { clientID: pan.clientId, clientSecret: pan.clientSecret },
        upper,
      );
      expect(env).toMatchObject({ code: 0, message: 'ok' });
      expect(Object.keys(env.data).sort()).toEqual(['accessToken', 'expiredAt']);
    }
  });

  test('mkdir, rename one and many, move, trash, recover, recover/by_path, delete', async () => {
    const made = await send<{ dirID: number }>('POST', '/upload/v1/file/mkdir', {
      name: 'lenient',
      parentID: '0',
    });
    expect(made).toMatchObject({ code: 0, message: 'ok' });
    expect(Object.keys(made.data)).toEqual(['dirID']);
    const dir = String(made.data.dirID);
    const other = String(
      (await send<{ dirID: number }>('POST', '/upload/v1/file/mkdir', { name: 'other', parentID: '0' }, true))
        .data.dirID,
    );
    const a = String((await pan.state.addFile('/lenient/a.txt', 'a')).id);
    const b = String((await pan.state.addFile('/lenient/b.txt', 'b')).id);

    expectMutationOk(await send('PUT', '/api/v1/file/name', { fileId: a, fileName: 'a1.txt' }));
    expectMutationOk(await send('PUT', '/api/v1/file/name', { fileId: a, fileName: 'a2.txt' }, true));
    expectMutationOk(
      await send('POST', '/api/v1/file/rename', { renameList: [`${a}|a3.txt`, `${b}|b3.txt`] }, true),
    );
    expect(pan.state.pathOf(Number(a))).toBe('/lenient/a3.txt');

    expectMutationOk(await send('POST', '/api/v1/file/move', { fileIDs: [a], toParentFileID: other }));
    expectMutationOk(await send('POST', '/api/v1/file/move', { fileIDs: [a], toParentFileID: dir }, true));
    expect(pan.state.get(Number(a))?.parentId).toBe(Number(dir));

    expectMutationOk(await send('POST', '/api/v1/file/trash', { fileIDs: [a, b] }, true));
    const recovered = await send<{ abnormalFileIDs: number[] }>('POST', '/api/v1/file/recover', {
      fileIDs: [a],
    });
    expect(recovered).toMatchObject({ code: 0, message: 'ok', data: { abnormalFileIDs: [] } });
    expectMutationOk(
      await send('POST', '/api/v1/file/recover/by_path', { fileIDs: [b], parentFileID: other }),
    );
    expect(pan.state.get(Number(b))).toMatchObject({ parentId: Number(other), trashed: false });

    expectMutationOk(await send('POST', '/api/v1/file/trash', { fileIDs: [b] }));
    expectMutationOk(await send('POST', '/api/v1/file/delete', { fileIDs: [b] }, true));
    expect(pan.state.get(Number(b))).toBeUndefined();
  });

  test('infos', async () => {
    const f = String((await pan.state.addFile('/infos/f.txt', 'f')).id);
    for (const upper of [false, true]) {
      const env = await send<{ list: { fileId: number }[] }>(
        'POST',
        '/api/v1/file/infos',
        { fileIds: [f] },
        upper,
      );
      expect(env).toMatchObject({ code: 0, message: 'ok' });
      expect(env.data.list.map((i) => i.fileId)).toEqual([Number(f)]);
    }
  });

  test('create (sliced), upload_complete, rapid create and sha1_reuse', async () => {
    const text = 'lenient upload';
    const folder = String(pan.state.addFolder('/up').id);
    const created = await send<{ preuploadID: string; reuse: boolean }>('POST', '/upload/v2/file/create', {
      parentFileID: folder,
      filename: 'u.txt',
      etag: md5(text).toUpperCase(),
      size: String(text.length),
      duplicate: '0',
      containDir: 'false',
    });
    expect(created).toMatchObject({ code: 0, message: 'ok', data: { fileID: 0, reuse: false } });
    // The slice goes up as multipart (fields are strings by nature); completion is JSON again.
    const form = new FormData();
    form.set('preuploadID', created.data.preuploadID);
    form.set('sliceNo', '1');
    form.set('sliceMD5', md5(text));
    form.set('slice', new Blob([text]), 'u.txt.part1');
    const slice = await fetch(`${pan.uploadUrl}/upload/v2/file/slice`, {
      method: 'POST',
      headers: { Platform: 'open_platform', Authorization: `Bearer ${token}` },
      body: form,
    });
    expectMutationOk((await slice.json()) as Envelope);
    const done = await send<{ completed: boolean; fileID: number }>(
      'POST',
      '/upload/v2/file/upload_complete',
      { preuploadID: created.data.preuploadID },
      true,
    );
    expect(done).toMatchObject({ code: 0, message: 'ok', data: { completed: true } });
    expect(pan.state.pathOf(done.data.fileID)).toBe('/up/u.txt');

    const rapid = await send(
      'POST',
      '/upload/v2/file/create',
      { parentFileID: folder, filename: 'v.txt', etag: md5(text), size: String(text.length), duplicate: '1' },
      true,
    );
    expect(rapid).toMatchObject({ code: 0, message: 'ok', data: { reuse: true } });
    const bySha1 = await send(
      'POST',
      '/upload/v2/file/sha1_reuse',
      {
        parentFileID: folder,
        filename: 'w.txt',
        sha1: sha1(text),
        size: String(text.length),
        duplicate: '2',
      },
      true,
    );
    expect(bySha1).toMatchObject({ code: 0, message: 'ok', data: { reuse: true } });
  });
});
