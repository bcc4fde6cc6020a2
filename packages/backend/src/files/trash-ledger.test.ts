import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDirs } from '../testing/temp-dirs';
import { createTrashLedger, MAX_LEDGER_IDS, trashLedgerPath } from './trash-ledger';

const temp = createTempDirs('pandesk-ledger-');
afterEach(() => temp.cleanup());

describe('trash ledger', () => {
  it('persists ids per drive, without duplicates, oldest first', async () => {
    const dir = await temp.make();
    const path = trashLedgerPath(dir, { mode: 'real', uid: 1814435920 });
    expect(path).toBe(join(dir, 'trash-ledger-1814435920.json'));
    const ledger = createTrashLedger(fsp, path);
    expect(await ledger.ids()).toEqual([]);
    await Promise.all([ledger.add([5, 6]), ledger.add([7]), ledger.add([5])]);
    expect(await ledger.ids()).toEqual([6, 7, 5]);
    await ledger.remove([7, 99]);
    const reopened = createTrashLedger(fsp, path);
    expect(await reopened.ids()).toEqual([6, 5]);
    expect(trashLedgerPath(dir, { mode: 'demo' })).toBe(join(dir, 'trash-ledger-demo.json'));
    expect(await createTrashLedger(fsp, trashLedgerPath(dir, { mode: 'demo' })).ids()).toEqual([]);
  });

  it('starts empty from an unreadable file and keeps only the newest ids past the cap', async () => {
    const dir = await temp.make();
    const path = join(dir, 'ledger.json');
    await fsp.writeFile(path, '{not json');
    const ledger = createTrashLedger(fsp, path);
    expect(await ledger.ids()).toEqual([]);
    await ledger.add(Array.from({ length: MAX_LEDGER_IDS + 10 }, (_, i) => i + 1));
    const ids = await ledger.ids();
    expect(ids).toHaveLength(MAX_LEDGER_IDS);
    expect(ids[0]).toBe(11);
  });
});
