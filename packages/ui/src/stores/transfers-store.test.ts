import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../testing/fake-bridge';
import { createTransfersStore } from './transfers-store';

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 2000 && !check(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!check()) throw new Error('timed out');
};

describe('transfers store', () => {
  it('mirrors the queue: loads pages, patches progress in place, reloads when items change views', async () => {
    const bridge = createFakeBridge();
    const store = createTransfersStore(bridge);
    const off = store.getState().connect();
    await store.getState().load();
    expect(store.getState().total).toBe(0);
    await bridge.transfers.upload({
      localPaths: ['/a.bin', '/b.bin', '/c.bin'],
      remoteParentId: 0,
      conflict: 'skip',
    });
    await until(() => store.getState().total === 3);
    const first = store.getState().rows.get(0)!;
    expect(first.state).toBe('running');
    bridge.queue.progress(first.id, 500);
    // Events cross the link asynchronously, as from the real back end.
    await until(() => store.getState().rows.get(0)?.bytesDone === 500);
    expect(store.getState().summary?.upload.bytesDone).toBe(500);
    bridge.queue.progress(first.id, 500);
    await until(() => store.getState().total === 2);
    store.getState().setView('completed');
    await until(() => store.getState().total === 1);
    expect(store.getState().rows.get(0)?.name).toBe('a.bin');
    off();
  });

  it('fetches only the pages in view of a large queue and remembers downloaded copies', async () => {
    const bridge = createFakeBridge();
    await bridge.transfers.download({
      sources: Array.from({ length: 1000 }, (_, i) => ({
        fileId: i + 1,
        name: `f${i}`,
        type: 'file' as const,
        size: 10,
      })),
      localDir: '/dl',
      conflict: 'skip',
    });
    const store = createTransfersStore(bridge);
    store.getState().connect();
    await store.getState().load();
    expect(store.getState().total).toBe(1000);
    expect(store.getState().rows.size).toBe(200);
    await store.getState().ensureRange(850, 870);
    expect(store.getState().rows.has(860)).toBe(true);
    expect(store.getState().rows.has(500)).toBe(false);
    const running = store.getState().rows.get(0)!;
    bridge.queue.progress(running.id, 10);
    await until(() => store.getState().localCopies.has(running.remoteFileId!));
    expect(store.getState().localCopies.get(running.remoteFileId!)).toBe('/dl/f0');
  });
});
