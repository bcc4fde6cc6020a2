import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOT_TOLERANCE_MS, claimJournal, currentBoot, ownerHolds, parseOwner, sameBoot } from './ownership';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pandesk-owner-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('journal ownership', () => {
  const here = { pid: 100, boot: { id: 'this-boot' } };
  const alive = (): boolean => true;

  it('a live owner of this boot holds the journal; ours, a dead one or none does not', () => {
    expect(ownerHolds({ pid: 7, boot: { id: 'this-boot' } }, here, alive)).toBe(true);
    expect(ownerHolds({ pid: 7, boot: { id: 'this-boot' } }, here, () => false)).toBe(false);
    expect(ownerHolds({ pid: 100, boot: { id: 'this-boot' } }, here, alive)).toBe(false);
    expect(ownerHolds(undefined, here, alive)).toBe(false);
  });

  it('an owner recorded in an earlier boot is stale even when its pid is in use again', () => {
    expect(ownerHolds({ pid: 7, boot: { id: 'before-restart' } }, here, alive)).toBe(false);
    const now = { pid: 100, boot: { at: 1_000_000_000 } };
    expect(ownerHolds({ pid: 7, boot: { at: 1_000_000_000 - 3 * BOOT_TOLERANCE_MS } }, now, alive)).toBe(
      false,
    );
    expect(ownerHolds({ pid: 7, boot: { at: 1_000_000_000 - 60_000 } }, now, alive)).toBe(true);
  });

  it('keeps the pid-only files of older versions working', () => {
    expect(parseOwner('4242\n')).toEqual({ pid: 4242 });
    expect(ownerHolds({ pid: 4242 }, here, alive)).toBe(true);
    expect(parseOwner('{"pid":5,"boot":{"at":12}}')).toEqual({ pid: 5, boot: { at: 12 } });
    expect(parseOwner('garbage')).toBeUndefined();
    expect(parseOwner('{"pid":-1}')).toBeUndefined();
  });

  it('compares boots of the same kind only', () => {
    expect(sameBoot({ id: 'a' }, { id: 'a' })).toBe(true);
    expect(sameBoot({ id: 'a' }, { at: 1 })).toBe(false);
  });

  it('claims a journal whose recorded owner (a live pid) wrote it in another boot', async () => {
    const db = path.join(dir, 'transfers.db');
    // process.ppid is alive; the record says it came from another boot.
    const other = 'id' in currentBoot() ? { id: '00000000-0000-0000-0000-000000000000' } : { at: 1 };
    await writeFile(`${db}.owner`, JSON.stringify({ pid: process.ppid, boot: other }));
    const release = claimJournal(db);
    expect(parseOwner(await readFile(`${db}.owner`, 'utf8'))).toEqual({
      pid: process.pid,
      boot: currentBoot(),
    });
    release();
  });

  it('refuses a journal a live process of this boot owns', async () => {
    const db = path.join(dir, 'transfers.db');
    await writeFile(`${db}.owner`, JSON.stringify({ pid: process.ppid, boot: currentBoot() }));
    expect(() => claimJournal(db)).toThrow(/in use by another process/);
  });
});
