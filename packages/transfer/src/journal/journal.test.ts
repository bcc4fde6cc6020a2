import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewItem } from './journal';
import { notStartedFields } from '../enqueue';
import { createJournal } from './journal';
import { SCHEMA_VERSION } from './schema';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'pandesk-journal-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function item(id: string, extra: Partial<NewItem> = {}): NewItem {
  return {
    ...notStartedFields(1),
    id,
    batchId: 'b',
    parentItemId: null,
    dedupKey: `b|${id}`,
    direction: 'upload',
    kind: 'file',
    name: id,
    localPath: `/src/${id}`,
    remoteParentId: 0,
    size: 10,
    conflict: 'keep_both',
    priority: 0,
    ...extra,
  };
}

describe('journal', () => {
  it('creates the schema at the current version and refuses a newer one', () => {
    const path = join(dir, 'j.db');
    createJournal(path).close();
    const db = new sqlite.Database(path);
    db.exec('PRAGMA locking_mode = EXCLUSIVE'); // WAL without shared memory needs it
    expect((db.get('PRAGMA user_version') as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createJournal(path)).toThrow(/newer/);
  });

  it('keeps everything across a reopen: items, parts, hash and folder caches', () => {
    const path = join(dir, 'j.db');
    const j = createJournal(path);
    j.insertItems([item('a'), item('b', { state: 'running', createAttempted: true })]);
    j.update('a', { state: 'failed', errorCode: 'disk_full', errorMessage: 'full', errorRetryable: true });
    j.addPart('b', 3);
    j.cacheHash('/src/a', 10, 123.5, 'abc');
    j.cacheFolder('b', 0, 'dir', 77);
    j.close();
    const k = createJournal(path);
    expect(k.get('a')).toMatchObject({ state: 'failed', errorCode: 'disk_full', errorRetryable: true });
    expect(k.get('b')).toMatchObject({ state: 'running', createAttempted: true });
    expect([...k.parts('b')]).toEqual([3]);
    expect(k.cachedHash('/src/a', 10, 123.5)).toBe('abc');
    expect(k.cachedHash('/src/a', 11, 123.5)).toBeUndefined();
    expect(k.cachedFolder('b', 0, 'dir')).toBe(77);
    k.insertItems([item('c')]);
    expect(k.get('c')?.seq).toBe(3);
    k.close();
  });

  it('keeps the reason, params and service detail of an error across a reopen', () => {
    const path = join(dir, 'j.db');
    const j = createJournal(path);
    j.insertItems([item('a')]);
    j.update('a', {
      state: 'failed',
      errorCode: 'quota',
      errorMessage: 'full',
      errorRetryable: true,
      errorReason: 'space_exhausted',
      errorParams: '{"name":"a"}',
      errorDetail: '{"serviceCode":1}',
    });
    j.close();
    const k = createJournal(path);
    expect(k.get('a')).toMatchObject({
      errorReason: 'space_exhausted',
      errorParams: '{"name":"a"}',
      errorDetail: '{"serviceCode":1}',
    });
    k.close();
  });

  it('brings a journal of the first version up, keeping its items (their errors have no reason)', () => {
    const path = join(dir, 'j.db');
    const j = createJournal(path);
    j.insertItems([item('old', { state: 'failed', errorCode: 'io', errorMessage: 'gone', finishedAt: 5 })]);
    j.close();
    const db = new sqlite.Database(path);
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('DROP INDEX items_recent');
    for (const column of ['error_reason', 'error_params', 'error_detail'])
      db.exec(`ALTER TABLE items DROP COLUMN ${column}`);
    db.exec('PRAGMA user_version = 1');
    db.close();
    const k = createJournal(path);
    expect(k.get('old')).toMatchObject({ errorCode: 'io', errorMessage: 'gone', errorReason: null });
    k.update('old', { errorReason: 'local_missing' });
    expect(k.get('old')?.errorReason).toBe('local_missing');
    k.close();
  });

  it('lists finished items latest first when asked, the queue order otherwise', () => {
    const j = createJournal(join(dir, 'j.db'));
    j.insertItems([
      item('first', { state: 'completed', finishedAt: 100 }),
      item('second', { state: 'completed', finishedAt: 300 }),
      item('third', { state: 'failed', finishedAt: 200 }),
    ]);
    const ids = (order?: 'queue' | 'recent') =>
      j
        .page({ offset: 0, limit: 10, states: ['completed', 'failed'], ...(order ? { order } : {}) })
        .items.map((r) => r.id);
    expect(ids('recent')).toEqual(['second', 'third', 'first']);
    expect(ids()).toEqual(['first', 'second', 'third']);
    j.close();
  });

  it('ignores items whose dedup key exists, so re-walking a folder adds nothing twice', () => {
    const j = createJournal(join(dir, 'j.db'));
    expect(j.insertItems([item('a'), item('b')])).toBe(2);
    expect(j.insertItems([item('a2', { dedupKey: 'b|a' }), item('c')])).toBe(1);
    expect(j.page({ offset: 0, limit: 10 }).total).toBe(3);
    j.close();
  });

  it('picks queued items by priority, then age, and transitions folders with their descendants', () => {
    const j = createJournal(join(dir, 'j.db'));
    j.insertItems([
      item('f', { kind: 'folder' }),
      item('x', { parentItemId: 'f' }),
      item('y', { parentItemId: 'x' }),
      item('z'),
      item('w', { priority: 5 }),
    ]);
    expect(j.nextQueued('upload', 'file', 10, new Set(['z'])).map((r) => r.id)).toEqual(['w', 'x', 'y']);
    const changed = j.transition(['f'], ['queued'], { state: 'paused' });
    expect(changed.sort()).toEqual(['f', 'x', 'y']);
    expect(j.get('z')?.state).toBe('queued');
    expect(j.transition(null, ['paused'], { state: 'queued' })).toHaveLength(3);
    j.close();
  });
});
