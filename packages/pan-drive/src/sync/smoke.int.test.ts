import { afterEach, describe, expect, it } from 'vitest';
import type { SyncKit } from '../testing/sync-kit';
import { startSyncKit } from '../testing/sync-kit';

let kit: SyncKit;
afterEach(async () => kit?.close());

describe('a two-way pair against fake-pan', () => {
  it('brings both sides together, then an unchanged tree costs no transfer', async () => {
    kit = await startSyncKit({ mode: 'two_way' });
    kit.writeLocal('a.txt', 'local A');
    kit.writeLocal('docs/b.txt', 'local B');
    await kit.writeRemote('c.txt', 'remote C');
    await kit.writeRemote('photos/d.txt', 'remote D');
    expect(await kit.sync()).toBe('finished');
    const expected = new Map([
      ['a.txt', 'local A'],
      ['docs', 'dir'],
      ['docs/b.txt', 'local B'],
      ['c.txt', 'remote C'],
      ['photos', 'dir'],
      ['photos/d.txt', 'remote D'],
    ]);
    expect(kit.localTree()).toEqual(expected);
    expect(kit.remoteTree()).toEqual(expected);
    const transfers = kit.engine.getSummary().total;
    expect(await kit.sync()).toBe('nothing');
    expect(kit.engine.getSummary().total).toBe(transfers);
  });
});
