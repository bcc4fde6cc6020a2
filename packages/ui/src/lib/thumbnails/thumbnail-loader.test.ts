import { describe, expect, it, vi } from 'vitest';
import type { FileEntry } from '@pandesk/contract';
import { createFakeBridge } from '../../testing/fake-bridge';
import { createThumbnailLoader, THUMBNAIL_CONCURRENCY } from './thumbnail-loader';
import { createRequestQueue } from './request-queue';

vi.mock('./make-thumbnail', () => ({
  makeThumbnail: async () => ({ type: 'image/webp', data: btoa('RIFF\0\0\0\0WEBP') }),
}));

describe('request queue', () => {
  it('runs a few at a time and drops jobs cancelled before they start', async () => {
    const queue = createRequestQueue(2);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const job = (n: number) => () =>
      new Promise<void>((resolve) => {
        started.push(n);
        releases.push(resolve);
      });
    const cancels = [1, 2, 3, 4, 5].map((n) => queue.add(job(n)));
    expect(started).toEqual([1, 2]);
    cancels[2]!(); // job 3: scrolled away while waiting
    releases.shift()!();
    await vi.waitFor(() => expect(started).toEqual([1, 2, 4]));
    releases.splice(0).forEach((r) => r());
    await vi.waitFor(() => expect(started).toEqual([1, 2, 4, 5]));
  });
});

describe('thumbnail loader', () => {
  it('never asks the back end for a tile that went away before its turn, and asks once per image', async () => {
    const bridge = createFakeBridge({ seed: false });
    const images: FileEntry[] = [];
    for (let i = 0; i < 10; i++)
      images.push(bridge.drive.add({ name: `p${i}.jpg`, parentId: 0, md5: String(i).padStart(32, 'a') }));
    const loader = createThumbnailLoader(bridge);
    const delivered: number[] = [];
    const cancels = images.map((entry) => loader.request(entry, 256, () => delivered.push(entry.id)));
    // Everything past the first few is cancelled at once (scrolled away).
    cancels.slice(THUMBNAIL_CONCURRENCY).forEach((cancel) => cancel());
    await vi.waitFor(() => expect(delivered).toHaveLength(THUMBNAIL_CONCURRENCY));
    expect(bridge.thumbnailRequests).toEqual(images.slice(0, THUMBNAIL_CONCURRENCY).map((e) => e.id));
    // Asked again (scrolled back): answered from memory, no new request.
    loader.request(images[0]!, 256, () => delivered.push(-1));
    expect(delivered.at(-1)).toBe(-1);
    expect(bridge.thumbnailRequests).toHaveLength(THUMBNAIL_CONCURRENCY);
  });
});
