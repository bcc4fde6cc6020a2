import { describe, expect, it } from 'vitest';
import { envelope, raw, type RecordedCall } from '../testing/fake-fetch';
import { harness } from '../testing/harness';

const LIST = '/api/v2/file/list';
const folder = (id: number, name: string, parent: number, trashed = 0) => ({
  fileId: id,
  filename: name,
  parentFileId: parent,
  type: 1,
  etag: '',
  size: 0,
  category: 0,
  status: 0,
  trashed,
  createAt: '2025-02-24 17:57:01',
  updateAt: '2025-02-24 17:57:01',
});

describe('listing', () => {
  it('follows the opaque cursor through short and empty pages until -1', async () => {
    // Cursors 7001 and 7002 are opaque to the client: it only echoes them back.
    const pages: Record<string, unknown> = {
      first: { lastFileId: 7001, fileList: [folder(1, 'a', 0), folder(2, 'gone', 0, 1)] },
      '7001': { lastFileId: 7002, fileList: [folder(3, 'trashed', 0, 1)] },
      '7002': { lastFileId: -1, fileList: [folder(4, 'b', 0)] },
    };
    const h = harness({ [LIST]: (c) => envelope(pages[c.url.searchParams.get('lastFileId') ?? 'first']) });
    const seen = [];
    for await (const page of h.client.files.list(0, { limit: 2 })) seen.push(page);
    expect(seen.map((p) => [p.items.map((i) => i.name), p.trashed.map((i) => i.name), p.nextCursor])).toEqual(
      [
        [['a'], ['gone'], 7001],
        [[], ['trashed'], 7002],
        [['b'], [], -1],
      ],
    );
    const queries = h.callsTo(LIST).map((c) => Object.fromEntries(c.url.searchParams));
    expect(queries[0]).toEqual({ parentFileId: '0', limit: '2' });
    expect(queries[1]).toEqual({ parentFileId: '0', limit: '2', lastFileId: '7001' });
  });

  it('resumes from a cursor, searches, and refuses a limit over 100', async () => {
    const h = harness({ [LIST]: () => envelope({ lastFileId: -1, fileList: [] }) });
    await h.client.files.listAll(5, { search: 'x y', searchMode: 'exact' });
    for await (const _ of h.client.files.list(5, { cursor: 99 })) break;
    const q = h.callsTo(LIST).map((c) => Object.fromEntries(c.url.searchParams));
    expect(q[0]).toMatchObject({ searchData: 'x y', searchMode: '1' });
    expect(q[1]).toMatchObject({ lastFileId: '99' });
    await expect(h.client.files.listAll(0, { limit: 101 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });

  it('stops on a repeating cursor instead of looping', async () => {
    const h = harness({ [LIST]: () => envelope({ lastFileId: 5, fileList: [] }) });
    await expect(h.client.files.listAll(0)).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('lists the recycle bin through the v1 list, page by page', async () => {
    const v1 = (id: number) => ({
      fileID: id,
      filename: `t${id}`,
      parentFileId: 0,
      type: 0,
      etag: 'AB',
      size: 1,
      createAt: '2025-02-24 17:57:01 +0800 CST',
      updateAt: '2025-02-24 17:57:01 +0800 CST',
    });
    const h = harness({
      '/api/v1/file/list': (c) =>
        envelope({ total: 3, fileList: c.url.searchParams.get('page') === '1' ? [v1(1), v1(2)] : [v1(3)] }),
    });
    const pages = [];
    for await (const p of h.client.files.listTrash({ limit: 2 })) pages.push(p);
    expect(pages.map((p) => p.items.map((i) => i.id))).toEqual([[1, 2], [3]]);
    expect(pages[0]?.items[0]).toMatchObject({ trashed: true, createdAt: Date.UTC(2025, 1, 24, 9, 57, 1) });
    expect(h.callsTo('/api/v1/file/list')[0]?.url.searchParams.get('trashed')).toBe('true');
  });
});

describe('mutations', () => {
  it('splits batches: 250 ids → 100+100+50, 65 renames → 30+30+5', async () => {
    const h = harness({
      '/api/v1/file/trash': () => envelope(null),
      '/api/v1/file/rename': () => envelope(null),
    });
    const ids = Array.from({ length: 250 }, (_, i) => i + 1);
    await h.client.files.trash(ids);
    expect(
      h.callsTo('/api/v1/file/trash').map((c) => (c.json as { fileIDs: number[] }).fileIDs.length),
    ).toEqual([100, 100, 50]);
    await h.client.files.renameMany(ids.slice(0, 65).map((id) => ({ fileId: id, name: `n${id}` })));
    const lists = h
      .callsTo('/api/v1/file/rename')
      .map((c) => (c.json as { renameList: string[] }).renameList);
    expect(lists.map((l) => l.length)).toEqual([30, 30, 5]);
    expect(lists[0]?.[0]).toBe('1|n1');
  });

  it('sends the documented key casing for every mutation', async () => {
    const ok = () => envelope(null);
    const h = harness({
      '/upload/v1/file/mkdir': () => envelope({ dirID: 77 }),
      '/api/v1/file/name': ok,
      '/api/v1/file/move': ok,
      '/api/v1/file/delete': ok,
      '/api/v1/file/recover/by_path': ok,
      '/api/v1/file/recover': () => envelope({ abnormalFileIDs: [3] }),
    });
    expect(await h.client.files.mkdir(5, 'new')).toBe(77);
    await h.client.files.rename(3, 'r.txt');
    await h.client.files.move([1, 2], 9);
    expect(await h.client.files.recover([3, 4])).toEqual([3]);
    await h.client.files.recoverTo([3], 9);
    await h.client.files.deleteForever([1]);
    const body = (p: string): unknown => h.callsTo(p)[0]?.json;
    expect(body('/upload/v1/file/mkdir')).toEqual({ name: 'new', parentID: 5 });
    expect(h.callsTo('/api/v1/file/name')[0]?.method).toBe('PUT');
    expect(body('/api/v1/file/name')).toEqual({ fileId: 3, fileName: 'r.txt' });
    expect(body('/api/v1/file/move')).toEqual({ fileIDs: [1, 2], toParentFileID: 9 });
    expect(body('/api/v1/file/recover/by_path')).toEqual({ fileIDs: [3], parentFileID: 9 });
    expect(body('/api/v1/file/delete')).toEqual({ fileIDs: [1] });
  });

  it('checks names before any request', async () => {
    const h = harness({});
    for (const bad of ['a/b', 'x?', '   ', '', 'n'.repeat(256)]) {
      await expect(h.client.files.mkdir(0, bad)).rejects.toMatchObject({ code: 'invalid_name' });
    }
    expect(h.fetch.calls).toHaveLength(0);
  });
});

describe('ensureFolderPath', () => {
  it('creates missing folders and looks up existing ones after a same-name clash', async () => {
    const made: Array<{ name: string; parentID: number }> = [];
    const h = harness({
      '/upload/v1/file/mkdir': (c: RecordedCall) => {
        const b = c.json as { name: string; parentID: number };
        if (b.name === 'docs') return envelope(null, 1, '该目录下已经有同名文件夹,无法进行创建');
        made.push(b);
        return envelope({ dirID: 100 + made.length });
      },
      [LIST]: () =>
        envelope({
          lastFileId: -1,
          fileList: [folder(9, 'docs', 0, 1), folder(10, 'docs', 0), folder(11, 'other', 0)],
        }),
    });
    expect(await h.client.files.ensureFolderPath('/docs/2026/q1/')).toBe(102);
    expect(made).toEqual([
      { name: '2026', parentID: 10 },
      { name: 'q1', parentID: 101 },
    ]);
  });

  it('repeats a mkdir whose answer was lost and finds the folder the first attempt made', async () => {
    let n = 0;
    const h = harness({
      '/upload/v1/file/mkdir': () =>
        ++n === 1 ? raw(504) : envelope(null, 1, '该目录下已经有同名文件夹,无法进行创建'),
      [LIST]: () => envelope({ lastFileId: -1, fileList: n === 0 ? [] : [folder(55, 'x', 0)] }),
    });
    expect(await h.client.files.ensureFolderPath(['x'])).toBe(55);
  });

  it('reports a clash with a file as name_conflict', async () => {
    const file = { ...folder(5, 'x', 0), type: 0, etag: 'a'.repeat(32), size: 3 };
    const h = harness({
      '/upload/v1/file/mkdir': () => envelope(null, 1, '该目录下已经有同名文件夹,无法进行创建'),
      [LIST]: () => envelope({ lastFileId: -1, fileList: [file] }),
    });
    await expect(h.client.files.ensureFolderPath('x')).rejects.toMatchObject({ code: 'name_conflict' });
  });
});
