import { describe, expect, it } from 'vitest';
import { wireCopyOne, wireCopyProcess, wireOfflineProcess, wireShareCreate, wireShareList } from '../wire';
import { mapCopyStatus, mapOfflineProgress, mapSharePage, trafficToWire } from './cloud';

const info = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  shareId: 87187530,
  shareKey: '7tLkTd-abcd',
  shareName: '资料',
  expiration: '2026-01-08 08:00:00',
  expired: 0,
  sharePwd: 'ab12',
  trafficSwitch: 2,
  trafficLimitSwitch: 2,
  trafficLimit: 1024,
  bytesCharge: 5,
  previewCount: 1,
  downloadCount: 2,
  saveCount: 3,
  ...over,
});

describe('share mapping', () => {
  it('maps ShareInfo: page URL, UTC+8 expiry, flags, traffic, counters', () => {
    const page = mapSharePage(wireShareList.parse({ lastShareId: 87187530, shareList: [info()] }));
    expect(page).toEqual({
      nextCursor: 87187530,
      done: false,
      items: [
        {
          id: 87187530,
          key: '7tLkTd-abcd',
          url: 'https://www.123pan.com/s/7tLkTd-abcd',
          name: '资料',
          expiresAt: Date.UTC(2026, 0, 8, 0, 0, 0),
          expired: false,
          password: 'ab12',
          traffic: { package: 'guests_without_login', limitBytes: 1024 },
          previews: 1,
          downloads: 2,
          saves: 3,
          bytesCharged: 5,
        },
      ],
    });
  });

  it('reads -1 as the last page, null lists, expired shares, no code, no limit, missing traffic', () => {
    expect(mapSharePage(wireShareList.parse({ lastShareId: -1, shareList: null }))).toEqual({
      items: [],
      nextCursor: -1,
      done: true,
    });
    const [item] = mapSharePage(
      wireShareList.parse({
        lastShareId: '-1',
        shareList: [info({ expired: 1, sharePwd: '', trafficLimitSwitch: 1, trafficSwitch: 4 })],
      }),
    ).items;
    expect(item).toMatchObject({
      expired: true,
      password: '',
      traffic: { package: 'all', limitBytes: null },
    });
    const bare = wireShareList.parse({
      lastShareId: -1,
      shareList: [{ shareId: 1, shareKey: 'k', shareName: 'n', expiration: 'x', expired: 0 }],
    });
    expect(mapSharePage(bare).items[0]).toMatchObject({
      traffic: undefined,
      password: '',
      saves: 0,
      expiresAt: 0,
    });
  });

  it('rejects malformed shares', () => {
    expect(wireShareList.safeParse({ lastShareId: -1, shareList: [info({ shareId: 'abc' })] }).success).toBe(
      false,
    );
    expect(wireShareList.safeParse({ shareList: [] }).success).toBe(false);
    expect(wireShareCreate.safeParse({ shareID: 1 }).success).toBe(false);
  });

  it('writes traffic settings to their three wire fields, leaving absent ones out', () => {
    expect(trafficToWire({ package: 'off' })).toEqual({ trafficSwitch: 1 });
    expect(trafficToWire({ package: 'over_quota_users', limitBytes: null })).toEqual({
      trafficSwitch: 3,
      trafficLimitSwitch: 1,
    });
    expect(trafficToWire({ limitBytes: 0 })).toEqual({ trafficLimitSwitch: 2, trafficLimit: 0 });
    expect(trafficToWire({})).toEqual({});
  });
});

describe('offline progress mapping (both status readings, §9)', () => {
  const read = (process: number, status: number) =>
    mapOfflineProgress(7, wireOfflineProcess.parse({ process, status })).state;

  it('0 running / 1 failed / 2 success / 3 retrying', () => {
    expect(read(37.5, 0)).toBe('running');
    expect(read(0, 1)).toBe('failed');
    expect(read(100, 2)).toBe('done');
    expect(read(40, 3)).toBe('retrying');
  });

  it('0 success / 1 failed / 2 running: done only with process 100', () => {
    expect(read(100, 0)).toBe('done');
    expect(read(55, 2)).toBe('running');
    expect(read(100, 1)).toBe('failed');
  });

  it('keeps the raw status and percent', () => {
    expect(mapOfflineProgress(7, { process: 12.5, status: 9 })).toEqual({
      taskId: 7,
      percent: 12.5,
      state: 'running',
      rawStatus: 9,
    });
  });
});

describe('copy mapping', () => {
  it('reads the new id under targetFileId or targetFileID', () => {
    expect(wireCopyOne.parse({ targetFileId: 5 })).toBe(5);
    expect(wireCopyOne.parse({ targetFileID: '6' })).toBe(6);
    expect(wireCopyOne.safeParse({ fileId: 5 }).success).toBe(false);
  });

  it('maps async copy status 0..3 and treats unknown numbers as running', () => {
    expect([0, 1, 2, 3, 9].map(mapCopyStatus)).toEqual(['pending', 'running', 'done', 'failed', 'running']);
    expect(wireCopyProcess.parse({ taskId: 2020, status: 2 }).status).toBe(2);
  });
});
