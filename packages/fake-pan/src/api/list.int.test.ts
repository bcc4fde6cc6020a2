import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { createManualClock } from '@pandesk/contract/testing';

interface Item {
  fileId: number;
  filename: string;
  parentFileId: number;
  type: number;
  size: number;
  etag: string;
  trashed: number;
  createAt: string;
  updateAt: string;
}
interface Page {
  lastFileId: number;
  fileList: Item[];
}

const clock = createManualClock({ start: Date.UTC(2025, 5, 1, 4, 0, 0) });
let pan: FakePan;
let token: string;
let folderId: number;
let ids: number[];

beforeAll(async () => {
  pan = await startFakePan({ clock, faults: { rateLimits: false } });
  token = await login(pan);
  folderId = pan.state.addFolder('/paging').id;
  ids = [];
  for (let i = 0; i < 25; i++)
    ids.push((await pan.state.addFile(`/paging/file-${i}.txt`, `content ${i}`)).id);
  ids.push(pan.state.addFolder('/paging/sub folder').id);
});
afterAll(() => pan.close());

const list = (query: Record<string, string | number>) =>
  api<Page>(pan, 'GET', '/api/v2/file/list', { token, query });

async function listAll(parentFileId: number, limit: number): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let last = 0;
  for (let pages = 1; ; pages++) {
    const env = await list({ parentFileId, limit, lastFileId: last });
    expect(env.code).toBe(0);
    items.push(...env.data.fileList);
    if (env.data.lastFileId === -1) return { items, pages };
    last = env.data.lastFileId;
  }
}

describe('v2 file/list', () => {
  test('pages come in ascending fileId; the cursor is the last id; -1 at the end', async () => {
    const first = await list({ parentFileId: folderId, limit: 10 });
    expect(first.data.fileList.map((i) => i.fileId)).toEqual(ids.slice(0, 10));
    expect(first.data.lastFileId).toBe(ids[9]);
    const { items, pages } = await listAll(folderId, 10);
    expect(items.map((i) => i.fileId)).toEqual(ids);
    expect(pages).toBe(3);
  });

  test('a page that ends exactly at the last item says -1', async () => {
    const env = await list({ parentFileId: folderId, limit: 26 });
    expect(env.data.fileList).toHaveLength(26);
    expect(env.data.lastFileId).toBe(-1);
  });

  test('items carry the §4.1 fields; folders have size 0 and etag ""', async () => {
    const env = await list({ parentFileId: folderId, limit: 100 });
    const file = env.data.fileList[0] as Item;
    expect(file).toMatchObject({
      filename: 'file-0.txt',
      parentFileId: folderId,
      type: 0,
      size: 9,
      trashed: 0,
    });
    expect(file.etag).toMatch(/^[0-9a-f]{32}$/);
    expect(file.createAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(Object.keys(file).sort()).toEqual([
      'category',
      'createAt',
      'etag',
      'fileId',
      'filename',
      'parentFileId',
      'punishFlag',
      's3KeyFlag',
      'size',
      'status',
      'storageNode',
      'trashed',
      'type',
      'updateAt',
    ]);
    expect(env.data.fileList.at(-1)).toMatchObject({ filename: 'sub folder', type: 1, size: 0, etag: '' });
  });

  test('trashed children are included with trashed: 1 whatever the trashed query says', async () => {
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [ids[3]] } });
    for (const trashed of ['false', 'true', '']) {
      const env = await list({ parentFileId: folderId, limit: 100, trashed });
      expect(env.data.fileList.find((i) => i.fileId === ids[3])?.trashed).toBe(1);
      expect(env.data.fileList).toHaveLength(26);
    }
    await api(pan, 'POST', '/api/v1/file/recover', { token, body: { fileIDs: [ids[3]] } });
  });

  test('empty query values (searchMode=, searchData=, lastFileId=) are tolerated', async () => {
    const env = await list({
      parentFileId: folderId,
      limit: 5,
      lastFileId: '',
      searchMode: '',
      searchData: '',
      trashed: 'false',
    });
    expect(env.code).toBe(0);
    expect(env.data.fileList.map((i) => i.fileId)).toEqual(ids.slice(0, 5));
  });

  test('limit over 100 is clamped, or refused with the switch', async () => {
    const big = pan.state.addFolder('/big');
    for (let i = 0; i < 120; i++) pan.state.drive.createFolder(big.id, `d${i}`);
    const clamped = await list({ parentFileId: big.id, limit: 500 });
    expect(clamped.data.fileList).toHaveLength(100);
    pan.switches.set({ listLimitOver100: 'error' });
    try {
      expect((await list({ parentFileId: big.id, limit: 101 })).code).not.toBe(0);
      expect((await list({ parentFileId: big.id, limit: 100 })).code).toBe(0);
    } finally {
      pan.switches.set({ listLimitOver100: 'clamp' });
    }
    expect((await list({ parentFileId: big.id, limit: 0 })).code).not.toBe(0);
  });

  test('an unknown parent lists as empty; root lists top-level entries', async () => {
    expect((await list({ parentFileId: 987654321, limit: 10 })).data).toEqual({
      lastFileId: -1,
      fileList: [],
    });
    const root = await list({ parentFileId: 0, limit: 100 });
    expect(root.data.fileList.map((i) => i.filename)).toEqual(['paging', 'big']);
  });

  test('search is global (parentFileId ignored): mode 0 fuzzy tokens, mode 1 exact name', async () => {
    pan.state.addFolder('/elsewhere');
    await pan.state.addFile('/elsewhere/File-1 report.txt', 'x');
    const fuzzy = await list({ parentFileId: 0, limit: 100, searchData: 'file-1', searchMode: 0 });
    const names = fuzzy.data.fileList.map((i) => i.filename);
    expect(names).toContain('file-1.txt');
    expect(names).toContain('file-12.txt');
    expect(names).toContain('File-1 report.txt');
    const tokens = await list({ parentFileId: 0, limit: 100, searchData: 'report file', searchMode: 0 });
    expect(tokens.data.fileList.map((i) => i.filename)).toEqual(['File-1 report.txt']);
    const exact = await list({ parentFileId: folderId, limit: 100, searchData: 'file-1.txt', searchMode: 1 });
    expect(exact.data.fileList.map((i) => i.fileId)).toEqual([ids[1]]);
  });

  test('search pages like a listing', async () => {
    const first = await list({ parentFileId: 0, limit: 4, searchData: 'file-' });
    expect(first.data.fileList).toHaveLength(4);
    const rest = await list({
      parentFileId: 0,
      limit: 100,
      searchData: 'file-',
      lastFileId: first.data.lastFileId,
    });
    expect(rest.data.lastFileId).toBe(-1);
    expect(rest.data.fileList[0]?.fileId).toBeGreaterThan(first.data.lastFileId);
  });

  test('search lag hides files younger than searchLagMs', async () => {
    pan.faults.set({ searchLagMs: 10_000 });
    try {
      await pan.state.addFile('/paging/fresh-unique.txt', 'new');
      const hidden = await list({ parentFileId: 0, limit: 10, searchData: 'fresh-unique' });
      expect(hidden.data.fileList).toHaveLength(0);
      await clock.advance(10_000);
      const found = await list({ parentFileId: 0, limit: 10, searchData: 'fresh-unique' });
      expect(found.data.fileList).toHaveLength(1);
    } finally {
      pan.faults.set({ searchLagMs: 0 });
    }
  });
});

describe('v1 file/list', () => {
  interface V1Page {
    total: number;
    fileList: { fileID: number; filename: string; createAt: string; parentName: string; trashed?: number }[];
  }
  const v1 = (query: Record<string, string | number>) =>
    api<V1Page>(pan, 'GET', '/api/v1/file/list', { token, query });

  test('page-numbered with total, "+0800 CST" times and parentName', async () => {
    const page2 = await v1({
      parentFileId: folderId,
      page: 2,
      limit: 10,
      orderBy: 'file_id',
      orderDirection: 'asc',
    });
    expect(page2.data.total).toBe(27);
    expect(page2.data.fileList.map((i) => i.fileID)).toEqual(ids.slice(10, 20));
    expect(page2.data.fileList[0]?.createAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0800 CST$/);
    expect(page2.data.fileList[0]?.parentName).toBe('paging');
  });

  test('orders by name descending and filters on trashed', async () => {
    const desc = await v1({
      parentFileId: folderId,
      page: 1,
      limit: 3,
      orderBy: 'file_name',
      orderDirection: 'desc',
    });
    expect(desc.data.fileList.map((i) => i.filename)).toEqual([
      'sub folder',
      'fresh-unique.txt',
      'file-9.txt',
    ]);
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [ids[0]] } });
    const trashed = await v1({ parentFileId: folderId, page: 1, limit: 100, trashed: 'true' });
    expect(trashed.data.fileList.map((i) => i.fileID)).toEqual([ids[0]]);
  });
});
