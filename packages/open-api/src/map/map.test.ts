import { describe, expect, it } from 'vitest';
import { wireFileDetail, wireInfos, wireListV2, wireUserInfo } from '../wire';
import { mapDownloadUrl } from './download';
import { mapFileDetail, mapListPage } from './files';
import { parseServiceTime, serviceTimeOrZero } from './time';
import { mapUser } from './user';

describe('service times', () => {
  it('reads zone-less file times as UTC+8', () => {
    expect(parseServiceTime('2025-02-24 17:57:01')).toBe(Date.UTC(2025, 1, 24, 9, 57, 1));
  });
  it('reads the v1 "+0800 CST" form', () => {
    expect(parseServiceTime('2025-02-24 17:57:01 +0800 CST')).toBe(Date.UTC(2025, 1, 24, 9, 57, 1));
  });
  it('reads RFC 3339 token expiry with an offset', () => {
    expect(parseServiceTime('2025-03-23T15:48:37+08:00')).toBe(Date.UTC(2025, 2, 23, 7, 48, 37));
    expect(parseServiceTime('2025-03-23T07:48:37Z')).toBe(Date.UTC(2025, 2, 23, 7, 48, 37));
  });
  it('crosses midnight correctly', () => {
    expect(parseServiceTime('2025-01-01 03:00:00')).toBe(Date.UTC(2024, 11, 31, 19, 0, 0));
  });
  it('gives undefined / 0 for garbage instead of throwing', () => {
    expect(parseServiceTime('yesterday')).toBeUndefined();
    expect(serviceTimeOrZero('')).toBe(0);
    expect(serviceTimeOrZero('nonsense')).toBe(0);
  });
});

const item = (over: Record<string, unknown>): Record<string, unknown> => ({
  fileId: 5373646,
  filename: 'download.mp4',
  parentFileId: 14663228,
  type: 0,
  etag: 'AF0C0000000000000000000000000000',
  size: 518564433,
  category: 2,
  status: 2,
  punishFlag: 0,
  s3KeyFlag: 'x-0',
  storageNode: 'm16',
  trashed: 0,
  createAt: '2024-04-30 11:58:36',
  updateAt: '2025-02-24 17:56:45',
  ...over,
});

describe('v2 list mapping', () => {
  it('maps ids, kinds, times and separates trashed items', () => {
    const wire = wireListV2.parse({
      lastFileId: 14710240,
      fileList: [
        item({}),
        item({ fileId: 14710240, filename: 'sub folder', type: 1, etag: '', size: 0, trashed: 1 }),
      ],
    });
    const page = mapListPage(wire);
    expect(page.done).toBe(false);
    expect(page.nextCursor).toBe(14710240);
    expect(page.items).toEqual([
      {
        id: 5373646,
        name: 'download.mp4',
        parentId: 14663228,
        kind: 'file',
        size: 518564433,
        md5: 'af0c0000000000000000000000000000',
        trashed: false,
        createdAt: Date.UTC(2024, 3, 30, 3, 58, 36),
        updatedAt: Date.UTC(2025, 1, 24, 9, 56, 45),
        category: 2,
        status: 2,
      },
    ]);
    expect(page.trashed).toHaveLength(1);
    expect(page.trashed[0]).toMatchObject({ id: 14710240, kind: 'folder', md5: '', trashed: true });
  });

  it('treats -1 as the last page and accepts an empty or null list', () => {
    expect(mapListPage(wireListV2.parse({ lastFileId: -1, fileList: [] }))).toEqual({
      items: [],
      trashed: [],
      nextCursor: -1,
      done: true,
    });
    expect(mapListPage(wireListV2.parse({ lastFileId: -1, fileList: null })).items).toEqual([]);
  });

  it('accepts numeric-string ids', () => {
    const page = mapListPage(
      wireListV2.parse({ lastFileId: '-1', fileList: [item({ fileId: '42', parentFileId: '0' })] }),
    );
    expect(page.items[0]).toMatchObject({ id: 42, parentId: 0 });
  });

  it('rejects a malformed item', () => {
    expect(wireListV2.safeParse({ lastFileId: -1, fileList: [item({ type: 7 })] }).success).toBe(false);
  });
});

describe('detail, infos, user, download', () => {
  it('maps detail with its fileID/parentFileID casing', () => {
    const d = mapFileDetail(
      wireFileDetail.parse({
        fileID: 14749954,
        filename: 'setup.exe',
        type: 0,
        size: 1163176272,
        etag: 'ab6dd0cfca2da20f84f55d2ed73a8c3d',
        status: 2,
        parentFileID: 14749926,
        createAt: '2025-02-28 09:25:54',
        trashed: 0,
      }),
    );
    expect(d).toMatchObject({
      id: 14749954,
      parentId: 14749926,
      kind: 'file',
      trashed: false,
      createdAt: Date.UTC(2025, 1, 28, 1, 25, 54),
    });
  });

  it('accepts infos under list or fileList, and rejects neither', () => {
    expect(wireInfos.parse({ list: [item({})] })).toHaveLength(1);
    expect(wireInfos.parse({ fileList: [item({})] })).toHaveLength(1);
    expect(wireInfos.safeParse({}).success).toBe(false);
  });

  it('derives vip from vipInfo and total space from permanent + temp', () => {
    const base = {
      uid: 1,
      nickname: 'demo',
      spaceUsed: 10,
      spacePermanent: 100,
      spaceTemp: 5,
      spaceTempExpr: '0',
    };
    expect(mapUser(wireUserInfo.parse({ ...base, vipInfo: null }))).toMatchObject({
      vip: false,
      spaceTotal: 105,
      vipLevel: 0,
    });
    const vip = mapUser(
      wireUserInfo.parse({
        ...base,
        spaceTempExpr: 0,
        vipInfo: [
          { vipLevel: 2, vipLabel: 'SVIP', startTime: '2025-07-06 11:12:53', endTime: '2026-05-14 14:13:05' },
        ],
      }),
    );
    expect(vip).toMatchObject({ vip: true, vipLevel: 2 });
    expect(vip.vipGrants[0]?.endsAt).toBe(Date.UTC(2026, 4, 14, 6, 13, 5));
  });

  it('keeps the developer benefit with its end, and null without one', () => {
    const base = { uid: 1, nickname: 'demo', spaceUsed: 0, spacePermanent: 1 };
    expect(mapUser(wireUserInfo.parse(base)).developer).toBeNull();
    expect(mapUser(wireUserInfo.parse({ ...base, developerInfo: null })).developer).toBeNull();
    const dev = mapUser(
      wireUserInfo.parse({
        ...base,
        developerInfo: { startTime: '2025-07-16 17:27:53', endTime: '2026-07-16 17:27:52' },
      }),
    );
    expect(dev.developer).toEqual({ endsAt: Date.UTC(2026, 6, 16, 9, 27, 52) });
    expect(mapUser(wireUserInfo.parse({ ...base, developerInfo: {} })).developer).toEqual({
      endsAt: undefined,
    });
  });

  it('reads a download URL expiry from t', () => {
    expect(mapDownloadUrl('https://cdn.example/x?v=5&t=1756143652&s=abc').expiresAt).toBe(1756143652000);
    expect(mapDownloadUrl('https://cdn.example/x').expiresAt).toBeUndefined();
  });
});
