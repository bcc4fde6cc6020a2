import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { SHARE_MESSAGES } from './share-rules';

let pan: FakePan | undefined;
afterEach(async () => {
  await pan?.close();
  pan = undefined;
});

interface ShareList {
  lastShareId: number;
  shareList: Array<Record<string, unknown> & { shareId: number }>;
}

async function setup(options: Parameters<typeof startFakePan>[0] = {}) {
  pan = await startFakePan({ faults: { rateLimits: false }, ...options });
  const token = await login(pan);
  const file = await pan.state.addFile('/docs/a.txt', 'a');
  const folder = pan.state.find('/docs')!;
  const create = (body: Record<string, unknown>) =>
    api<{ shareID: number; shareKey: string }>(pan!, 'POST', '/api/v1/share/create', { token, body });
  const list = (query: Record<string, number> = {}) =>
    api<ShareList>(pan!, 'GET', '/api/v1/share/list', { token, query });
  return { pan, token, file, folder, create, list };
}

describe('share create', () => {
  it('creates a share with the documented answer and lists it with every ShareInfo field', async () => {
    const { create, list, file, folder } = await setup();
    const made = await create({
      shareName: '资料',
      shareExpire: 7,
      fileIDList: `${file.id},${folder.id}`,
      sharePwd: 'ab12',
      trafficSwitch: 2,
    });
    expect(made).toMatchObject({ code: 0, message: 'ok' });
    expect(made.data.shareID).toBeGreaterThan(0);
    expect(made.data.shareKey).toMatch(/^[A-Za-z0-9]{6}-[A-Za-z0-9]{4}$/);
    const listed = await list({ limit: 10 });
    expect(listed.data.lastShareId).toBe(-1);
    expect(listed.data.shareList).toEqual([
      {
        shareId: made.data.shareID,
        shareKey: made.data.shareKey,
        shareName: '资料',
        expiration: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        expired: 0,
        sharePwd: 'ab12',
        trafficSwitch: 2,
        trafficLimitSwitch: 1,
        trafficLimit: 0,
        bytesCharge: 0,
        previewCount: 0,
        downloadCount: 0,
        saveCount: 0,
      },
    ]);
    expect(pan!.cloud.shares.get(made.data.shareID)?.fileIds).toEqual([file.id, folder.id]);
  });

  it('computes expiry on the emulator clock in UTC+8 and flips `expired` once the clock passes it', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1, 0, 0, 0) });
    const { create, list, file } = await setup({ clock });
    await create({ shareName: 'day', shareExpire: 1, fileIDList: String(file.id) });
    await create({ shareName: 'never', shareExpire: 0, fileIDList: String(file.id) });
    let shares = (await list()).data.shareList;
    expect(shares.map((s) => [s['shareName'], s['expiration'], s['expired']])).toEqual([
      ['day', '2026-01-02 08:00:00', 0],
      ['never', '2099-12-31 23:59:59', 0],
    ]);
    await clock.advance(24 * 3600 * 1000);
    expect((await list()).data.shareList[0]?.['expired']).toBe(0); // exactly at the expiry: still valid
    await clock.advance(1000);
    shares = (await list()).data.shareList;
    expect(shares.map((s) => s['expired'])).toEqual([1, 0]);
    pan!.switches.set({ shareNoExpiryTime: '2099-12-12 08:00:00' });
    expect((await list()).data.shareList[1]?.['expiration']).toBe('2099-12-12 08:00:00');
  });

  it('accepts only expiry 0, 1, 7 and 30 days', async () => {
    const { create, file } = await setup();
    for (const days of [0, 1, 7, 30])
      expect(
        (await create({ shareName: `d${days}`, shareExpire: days, fileIDList: `${file.id}` })).code,
      ).toBe(0);
    for (const days of [2, 14, -1, 365, 1.5, 'x']) {
      const env = await create({ shareName: 'bad', shareExpire: days, fileIDList: `${file.id}` });
      expect(env.code, String(days)).toBe(1);
    }
    const missing = await create({ shareName: 'none', fileIDList: `${file.id}` });
    expect(missing).toMatchObject({ code: 1, message: SHARE_MESSAGES.expire, data: null });
  });

  it('checks the id list: comma-separated, 1..100 ids, known, not trashed', async () => {
    const { create, file, pan, token } = await setup();
    const ids = Array.from({ length: 101 }, (_, i) => pan.state.addFolder(`/many/f${i}`).id);
    expect(
      (await create({ shareName: 'ok', shareExpire: 0, fileIDList: ids.slice(0, 100).join(',') })).code,
    ).toBe(0);
    expect(await create({ shareName: 'x', shareExpire: 0, fileIDList: ids.join(',') })).toMatchObject({
      code: 1,
      message: SHARE_MESSAGES.idsTooMany,
    });
    expect(await create({ shareName: 'x', shareExpire: 0, fileIDList: '' })).toMatchObject({
      code: 1,
      message: SHARE_MESSAGES.idsEmpty,
    });
    expect(await create({ shareName: 'x', shareExpire: 0, fileIDList: `${file.id},abc` })).toMatchObject({
      code: 1,
    });
    expect(
      await create({ shareName: 'x', shareExpire: 0, fileIDList: `${file.id},987654321` }),
    ).toMatchObject({
      code: 1,
      message: SHARE_MESSAGES.idMissing,
    });
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [file.id] } });
    expect(await create({ shareName: 'x', shareExpire: 0, fileIDList: `${file.id}` })).toMatchObject({
      code: 1,
      message: SHARE_MESSAGES.idTrashed,
    });
    expect(pan.cloud.shares.all()).toHaveLength(1);
  });

  it('checks the share name: present, under 35 characters, none of the forbidden characters (a switch)', async () => {
    const { create, file, pan } = await setup();
    const make = (shareName: unknown) => create({ shareName, shareExpire: 0, fileIDList: `${file.id}` });
    expect((await make('是'.repeat(34))).code).toBe(0);
    expect(await make('是'.repeat(35))).toMatchObject({ code: 1, message: SHARE_MESSAGES.nameTooLong });
    expect(await make('   ')).toMatchObject({ code: 1, message: SHARE_MESSAGES.nameEmpty });
    expect(await make(undefined)).toMatchObject({ code: 1, message: SHARE_MESSAGES.nameEmpty });
    for (const ch of ['"', '\\', '/', ':', '*', '?', '|', '>', '<'])
      expect(await make(`a${ch}b`), ch).toMatchObject({ code: 1, message: SHARE_MESSAGES.nameChars });
    expect((await make('a#b')).code).toBe(0);
    pan.switches.set({ shareNameForbiddenChars: '#' });
    expect((await make('a#b')).code).toBe(1);
    expect((await make('a:b')).code).toBe(0);
  });
});

describe('share list and change', () => {
  it('pages by ascending id with the page last id as cursor and -1 at the end', async () => {
    const { create, list, file, pan } = await setup();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await create({ shareName: `s${i}`, shareExpire: 0, fileIDList: `${file.id}` })).data.shareID);
    const first = await list({ limit: 2 });
    expect(first.data.shareList.map((s) => s.shareId)).toEqual(ids.slice(0, 2));
    expect(first.data.lastShareId).toBe(ids[1]);
    const second = await list({ limit: 2, lastShareId: first.data.lastShareId });
    expect(second.data.shareList.map((s) => s.shareId)).toEqual(ids.slice(2, 4));
    const third = await list({ limit: 2, lastShareId: second.data.lastShareId });
    expect(third.data.shareList.map((s) => s.shareId)).toEqual(ids.slice(4));
    expect(third.data.lastShareId).toBe(-1);
    expect((await list({ limit: 5 })).data.lastShareId).toBe(-1);
    expect((await list({ limit: 500 })).data.shareList).toHaveLength(5);
    pan.switches.set({ listLimitOver100: 'error' });
    expect((await list({ limit: 500 })).code).toBe(1);
    expect((await list({ limit: 0 })).code).toBe(1);
  });

  it('changes only traffic settings, checks every id and value first', async () => {
    const { create, list, file, pan, token } = await setup();
    const a = (await create({ shareName: 'a', shareExpire: 0, fileIDList: `${file.id}` })).data.shareID;
    const b = (await create({ shareName: 'b', shareExpire: 0, fileIDList: `${file.id}` })).data.shareID;
    const put = (body: Record<string, unknown>) =>
      api(pan, 'PUT', '/api/v1/share/list/info', { token, body });
    const change = await put({
      shareIdList: [a, b],
      trafficSwitch: 4,
      trafficLimitSwitch: 2,
      trafficLimit: 1024,
    });
    expect(change).toMatchObject({ code: 0, data: null });
    const shares = (await list()).data.shareList;
    expect(
      shares.map((s) => [s['trafficSwitch'], s['trafficLimitSwitch'], s['trafficLimit'], s['shareName']]),
    ).toEqual([
      [4, 2, 1024, 'a'],
      [4, 2, 1024, 'b'],
    ]);
    expect((await put({ shareIdList: [a, 987], trafficSwitch: 1 })).code).toBe(1);
    expect((await put({ shareIdList: [a], trafficSwitch: 5 })).code).toBe(1);
    expect((await put({ shareIdList: [a], trafficLimit: -1 })).code).toBe(1);
    expect((await put({ shareIdList: [] })).code).toBe(1);
    expect((await put({ shareIdList: Array.from({ length: 101 }, () => a) })).code).toBe(1);
    expect(pan.cloud.shares.get(a)?.trafficSwitch).toBe(4);
    expect((await put({ shareIdList: [a], trafficSwitch: 3 })).code).toBe(0);
    expect(pan.cloud.shares.get(a)).toMatchObject({
      trafficSwitch: 3,
      trafficLimitSwitch: 2,
      trafficLimit: 1024,
    });
  });
});
