import { describe, expect, it } from 'vitest';
import { ok } from '@pandesk/contract';
import type { DownloadLinkInput, PanDeskBridge } from '@pandesk/contract';
import { createDownloadLinkCache } from './download-links';

function fakeApp(expiresIn: number, now: () => number) {
  const asked: number[] = [];
  let n = 0;
  const app = {
    downloadLink: async ({ fileId }: DownloadLinkInput) => {
      asked.push(fileId);
      return ok({ url: `/api/dl/${++n}`, expiresAt: now() + expiresIn });
    },
  } as unknown as PanDeskBridge['app'];
  return { asked, bridge: { app } };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('download link cache', () => {
  it('asks once per file while a link is on its way or fresh, and hands each link out once', async () => {
    const time = 0;
    const { asked, bridge } = fakeApp(60_000, () => time);
    const cache = createDownloadLinkCache(bridge, () => time);
    expect(cache.take(5)).toBeUndefined();
    cache.prefetch(5);
    cache.prefetch(5);
    await settle();
    cache.prefetch(5);
    expect(asked).toEqual([5]);
    expect(cache.take(5)).toBe('/api/dl/1');
    expect(cache.take(5)).toBeUndefined();
    cache.prefetch(5);
    await settle();
    expect(asked).toEqual([5, 5]);
  });

  it('never hands out a link about to expire', async () => {
    let time = 0;
    const { bridge } = fakeApp(60_000, () => time);
    const cache = createDownloadLinkCache(bridge, () => time);
    cache.prefetch(7);
    await settle();
    time = 55_000;
    expect(cache.take(7)).toBeUndefined();
  });
});
