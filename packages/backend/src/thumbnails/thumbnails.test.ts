import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createDefaultSettings } from '@pandesk/contract';
import type { Settings } from '@pandesk/contract';
import { PanError } from '@pandesk/open-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThumbnails } from './thumbnails';
import { nextServiceDayStart, serviceDay } from './service-day';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-thumbs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 2026-03-10 23:30 in UTC+8 (15:30 UTC). */
const LATE_EVENING = Date.UTC(2026, 2, 10, 15, 30);

function world(settings: Partial<Settings> = {}) {
  let now = LATE_EVENING;
  let exhausted = false;
  const fetched: string[] = [];
  const thumbnails = createThumbnails({
    root: dir,
    driveKey: async () => 'uid-1',
    settings: () => ({ ...createDefaultSettings('/d'), ...settings }),
    downloadUrl: async (id) => {
      if (exhausted) throw new PanError('traffic_exhausted', 'download.info: 5113');
      return `https://cdn.example/${id}`;
    },
    fetch: async (url) => {
      fetched.push(url);
      return {
        status: 200,
        body: Object.assign(Readable.from([Buffer.alloc(600), Buffer.alloc(400)]), {
          cancel: async () => undefined,
        }),
      };
    },
    clock: { now: () => now },
  });
  return {
    thumbnails,
    fetched,
    setNow: (t: number) => (now = t),
    setExhausted: (v: boolean) => (exhausted = v),
  };
}

const input = (fileId: number) => ({
  fileId,
  md5: String(fileId).padStart(32, '0'),
  size: 1000,
  px: 256 as const,
});

describe('service day and traffic counts', () => {
  it('the service day turns at midnight UTC+8', () => {
    expect(serviceDay(LATE_EVENING)).toBe('2026-03-10');
    expect(serviceDay(LATE_EVENING + 30 * 60_000)).toBe('2026-03-11');
    expect(nextServiceDayStart(LATE_EVENING)).toBe(Date.UTC(2026, 2, 10, 16, 0));
  });

  it('counts today and total; a new service day starts today at zero and ends a 5113 pause', async () => {
    const w = world();
    expect((await w.thumbnails.get(input(1))).kind).toBe('image');
    expect(await w.thumbnails.traffic()).toMatchObject({ todayBytes: 1000, totalBytes: 1000 });
    w.setExhausted(true);
    expect(await w.thumbnails.get(input(2))).toEqual({ kind: 'none', why: 'traffic_exhausted' });
    expect(await w.thumbnails.traffic()).toMatchObject({
      pausedBecause: 'traffic_exhausted',
      pausedUntil: Date.UTC(2026, 2, 10, 16, 0),
    });
    w.setExhausted(false);
    expect(await w.thumbnails.get(input(3))).toEqual({ kind: 'none', why: 'traffic_exhausted' });
    expect(w.fetched).toEqual(['https://cdn.example/1']);

    w.setNow(LATE_EVENING + 31 * 60_000); // 00:01 the next service day
    expect((await w.thumbnails.get(input(3))).kind).toBe('image');
    expect(await w.thumbnails.traffic()).toMatchObject({
      todayBytes: 1000,
      totalBytes: 2000,
      pausedBecause: null,
      pausedUntil: null,
    });
  });

  it('a spent budget stops thumbnails until the next service day', async () => {
    const w = world({ thumbnailDailyBudgetMb: 0 });
    expect(await w.thumbnails.get(input(1))).toEqual({ kind: 'none', why: 'budget_spent' });
    expect(w.fetched).toEqual([]);
    expect((await w.thumbnails.traffic()).pausedBecause).toBe('budget_spent');
  });
});

describe('fetching the image bytes', () => {
  it('stops past the size bound even when the listing said less, counting what arrived', async () => {
    const { fetchCounted } = await import('./fetch-counted');
    let seen = 0;
    const body = Object.assign(Readable.from([Buffer.alloc(700), Buffer.alloc(700), Buffer.alloc(700)]), {
      cancel: async () => undefined,
    });
    await expect(
      fetchCounted(
        async () => ({ status: 200, body }),
        'https://cdn.example/x?sign=secret',
        1000,
        (n) => (seen += n),
      ),
    ).rejects.toMatchObject({ reason: 'file_too_large' });
    expect(seen).toBe(1400);
  });

  it('a network failure says nothing of the signed URL', async () => {
    const { fetchCounted } = await import('./fetch-counted');
    const failing = fetchCounted(
      async (url) => Promise.reject(new Error(`connect ECONNRESET ${url}`)),
      'https://cdn.example/x?sign=secret',
      1000,
      () => undefined,
    );
    await expect(failing).rejects.toMatchObject({ reason: 'network_lost' });
    await expect(failing).rejects.not.toHaveProperty('message', expect.stringContaining('secret'));
  });
});

describe('the budget and concurrent fetches', () => {
  it('counts images being fetched against the budget before their bytes arrive', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetched: string[] = [];
    const thumbnails = createThumbnails({
      root: dir,
      driveKey: async () => 'uid-1',
      // 1 MiB a day: room for two of the three 400 KiB images asked at once.
      settings: () => ({ ...createDefaultSettings('/d'), thumbnailDailyBudgetMb: 1 }),
      downloadUrl: async (id) => `https://cdn.example/${id}`,
      fetch: async (url) => {
        fetched.push(url);
        await gate;
        return {
          status: 200,
          body: Object.assign(Readable.from([Buffer.alloc(400 * 1024)]), { cancel: async () => undefined }),
        };
      },
      clock: { now: () => LATE_EVENING },
    });
    const ask = (id: number) => thumbnails.get({ ...input(id), size: 400 * 1024 });
    const answers = Promise.all([ask(1), ask(2), ask(3)]);
    await new Promise((r) => setTimeout(r, 20));
    release();
    // Which of the three is refused depends on the order their cache lookups finish in.
    expect((await answers).map((a) => (a.kind === 'none' ? a.why : a.kind)).sort()).toEqual([
      'budget_spent',
      'image',
      'image',
    ]);
    expect(fetched).toHaveLength(2);
  });
});
