import { afterEach, describe, expect, it } from 'vitest';
import type { SyncKit } from '../testing/sync-kit';
import { startSyncKit } from '../testing/sync-kit';

let kit: SyncKit;
afterEach(async () => kit?.close());

describe('a two-way pair against fake-pan', () => {
  it('brings both sides together, then an unchanged tree costs no transfer and no hashing', async () => {
    const hashed: number[] = [];
    kit = await startSyncKit({ mode: 'two_way', onHashed: (count) => hashed.push(count) });
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
    // Files known by size, modification time and inode are not read again; a changed one is.
    expect(hashed.at(-1)).toBe(0);
    kit.writeLocal('docs/b.txt', 'local B, edited');
    expect(await kit.sync()).toBe('finished');
    expect(hashed.at(-1)).toBe(1);
    expect(kit.remoteTree().get('docs/b.txt')).toBe('local B, edited');
  });
});
