import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewItem } from './journal';
import { notStartedFields } from '../enqueue';
import { createJournal as openJournal } from './journal';
import { SCHEMA_VERSION } from './schema';
import { defaultSqliteEngine, openSqlDatabase } from './sql-database';
import type { SqliteEngine } from './sql-database';

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

/** The runtime's SQLite is tested where the runtime has it (Node 22.16+, Electron); else skipped. */
const nodeSqliteHere = defaultSqliteEngine() === 'node';
const engines: Array<[SqliteEngine, boolean]> = [
  ['wasm', false],
  ['node', !nodeSqliteHere],
];

describe.each(engines)('journal on %s SQLite', (engine, skip) => {
  const createJournal = (path: string) => openJournal(path, engine);
  if (skip)
    it.skip(`needs node:sqlite with isTransaction (Node 22.16+); this is Node ${process.versions.node}`);

  it.skipIf(skip)('creates the schema at the current version and refuses a newer one', () => {
    const path = join(dir, 'j.db');
    createJournal(path).close();
    const db = openSqlDatabase(path, engine);
    db.exec('PRAGMA locking_mode = EXCLUSIVE'); // WAL without shared memory needs it
    expect((db.get('PRAGMA user_version') as { user_version: number }).user_version).toBe(SCHEMA_VERSION);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createJournal(path)).toThrow(/newer/);
  });

  it.skipIf(skip)('keeps everything across a reopen: items, parts, hash and folder caches', () => {
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

  it.skipIf(skip)('keeps the reason, params and service detail of an error across a reopen', () => {
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

  it.skipIf(skip)(
    'brings a journal of the first version up, keeping its items (their errors have no reason)',
    () => {
      const path = join(dir, 'j.db');
      const j = createJournal(path);
      j.insertItems([item('old', { state: 'failed', errorCode: 'io', errorMessage: 'gone', finishedAt: 5 })]);
      j.close();
      const db = openSqlDatabase(path, engine);
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
    },
  );

  it.skipIf(skip)('lists finished items latest first when asked, the queue order otherwise', () => {
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

  it.skipIf(skip)('ignores items whose dedup key exists, so re-walking a folder adds nothing twice', () => {
    const j = createJournal(join(dir, 'j.db'));
    expect(j.insertItems([item('a'), item('b')])).toBe(2);
    expect(j.insertItems([item('a2', { dedupKey: 'b|a' }), item('c')])).toBe(1);
    expect(j.page({ offset: 0, limit: 10 }).total).toBe(3);
    j.close();
  });

  it.skipIf(skip)(
    'runs writes inside a transaction as part of it, and rolls them all back on a throw',
    () => {
      const j = createJournal(join(dir, 'j.db'));
      expect(
        j.transaction(() => {
          j.insertItems([item('a')]);
          j.update('a', { state: 'paused' });
          return 'done';
        }),
      ).toBe('done');
      expect(j.get('a')?.state).toBe('paused');
      expect(() =>
        j.transaction(() => {
          j.insertItems([item('b')]);
          throw new Error('stop');
        }),
      ).toThrow('stop');
      expect(j.get('b')).toBeUndefined();
      j.close();
    },
  );

  it.skipIf(skip)(
    'picks queued items by priority, then age, and transitions folders with their descendants',
    () => {
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
    },
  );
});

describe('the SQLite a journal opens on', () => {
  it("is the runtime's exactly when it has node:sqlite with isTransaction, else the WebAssembly build", () => {
    const mod = process.getBuiltinModule?.('node:sqlite') as
      { DatabaseSync: new (path: string) => { isTransaction?: unknown; close(): void } } | undefined;
    let usable = false;
    if (mod) {
      const db = new mod.DatabaseSync(':memory:');
      usable = typeof db.isTransaction === 'boolean';
      db.close();
    }
    const path = join(dir, 'j.db');
    const db = openSqlDatabase(path);
    expect(db.engine).toBe(usable ? 'node' : 'wasm');
    db.close();
  });

  it.skipIf(nodeSqliteHere)("refuses the runtime's SQLite with a clear error where it is missing", () => {
    expect(() => openSqlDatabase(join(dir, 'j.db'), 'node')).toThrow(/no usable node:sqlite/);
  });

  it.skipIf(!nodeSqliteHere)(
    'opens a journal written by the WebAssembly build, and the other way round',
    () => {
      const path = join(dir, 'j.db');
      const wasm = openJournal(path, 'wasm');
      wasm.insertItems([item('a')]);
      wasm.close();
      const node = openJournal(path, 'node');
      expect(node.get('a')?.name).toBe('a');
      node.insertItems([item('b')]);
      node.close();
      const again = openJournal(path, 'wasm');
      expect(again.get('b')?.seq).toBe(2);
      again.close();
    },
  );
});
