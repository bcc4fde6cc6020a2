import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { notStartedFields } from '../enqueue';
import { createJournal } from './journal';
import type { NewItem } from './journal';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'pandesk-shared-db-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const V1 = 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);';
const V2 = 'ALTER TABLE notes ADD COLUMN tag TEXT;';

function item(id: string, batchId: string): NewItem {
  return {
    ...notStartedFields(1),
    id,
    batchId,
    parentItemId: null,
    dedupKey: `${batchId}|${id}`,
    direction: 'upload',
    kind: 'file',
    name: id,
    localPath: `/src/${id}`,
    remoteParentId: 0,
    size: 1,
    conflict: 'keep_both',
    priority: 0,
  };
}

describe('the journal database shared with other modules', () => {
  it('runs each component migration once, keeps its rows across reopening, and refuses a newer version', () => {
    const path = join(dir, 'j.db');
    let journal = createJournal(path);
    journal.shared().openTables('notes', [V1]);
    journal.shared().run('INSERT INTO notes (text) VALUES (?)', ['kept']);
    journal.close();

    journal = createJournal(path);
    const db = journal.shared();
    db.openTables('notes', [V1, V2]); // only V2 runs: V1 again would fail (table exists)
    db.run('UPDATE notes SET tag = ?', ['t']);
    expect(db.all('SELECT text, tag FROM notes')).toEqual([{ text: 'kept', tag: 't' }]);
    db.openTables('other', [V1.replace('notes', 'others')]);
    expect(db.all('SELECT component, version FROM component_versions ORDER BY component')).toEqual([
      { component: 'notes', version: 2 },
      { component: 'other', version: 1 },
    ]);
    expect(() => db.openTables('notes', [V1])).toThrow(/newer than this app/);
    journal.close();
  });

  it('rolls a transaction back when its function throws, and nests into an outer one', () => {
    const journal = createJournal(join(dir, 'j.db'));
    const db = journal.shared();
    db.openTables('notes', [V1]);
    expect(() =>
      db.durably(() => {
        db.run('INSERT INTO notes (text) VALUES (?)', ['lost']);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    db.transaction(() => {
      db.run('INSERT INTO notes (text) VALUES (?)', ['a']);
      db.durably(() => db.run('INSERT INTO notes (text) VALUES (?)', ['b']));
    });
    expect(db.all('SELECT text FROM notes ORDER BY id').map((r) => r.text)).toEqual(['a', 'b']);
    journal.close();
  });

  it('lists the items of one batch only, oldest first', () => {
    const journal = createJournal(join(dir, 'j.db'));
    journal.insertItems([item('x1', 'x'), item('y1', 'y'), item('x2', 'x')]);
    expect(journal.batchItems('x').map((i) => i.id)).toEqual(['x1', 'x2']);
    expect(journal.batchItems('none')).toEqual([]);
    journal.close();
  });
});
