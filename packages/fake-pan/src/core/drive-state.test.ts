import { createManualClock } from '@pandesk/contract/testing';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SWITCHES, type Switches } from '../options';
import { deleteNodes, moveNodes, recoverNodes, recoverNodesTo, trashNodes } from './drive-mutations';
import { FIRST_ID, ROOT_ID, createDriveState } from './drive-state';
import { ApiError } from './errors';

function setup(overrides: Partial<Switches> = {}) {
  const switches = { ...DEFAULT_SWITCHES, ...overrides };
  const state = createDriveState({ clock: createManualClock({ start: Date.UTC(2025, 0, 1) }), switches });
  return { state, switches };
}

function code(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err.code;
    throw err;
  }
  return 0;
}

describe('drive state', () => {
  test('ids ascend from FIRST_ID and children list by ascending id', () => {
    const { state } = setup();
    const a = state.createFolder(ROOT_ID, 'b-folder');
    const b = state.createFile({ parentId: ROOT_ID, name: 'a.txt', md5: 'AB'.repeat(16), size: 5 });
    expect([a.id, b.id]).toEqual([FIRST_ID, FIRST_ID + 1]);
    expect(state.children(ROOT_ID).map((n) => n.id)).toEqual([a.id, b.id]);
    expect(b.md5).toBe('ab'.repeat(16));
    expect(a).toMatchObject({ size: 0, md5: '', type: 1 });
  });

  test('folder size totals live descendants; spaceUsed follows the trash switch', () => {
    const { state, switches } = setup();
    const top = state.createFolder(ROOT_ID, 'top');
    const sub = state.createFolder(top.id, 'sub');
    state.createFile({ parentId: top.id, name: 'a', md5: '0'.repeat(32), size: 10 });
    const b = state.createFile({ parentId: sub.id, name: 'b', md5: '1'.repeat(32), size: 32 });
    expect(state.folderSize(top.id)).toBe(42);
    trashNodes(state, [b.id]);
    expect(state.folderSize(top.id)).toBe(10);
    expect(state.spaceUsed()).toBe(42);
    switches.trashCountsTowardsQuota = false;
    expect(state.spaceUsed()).toBe(10);
  });

  test('names are unique among live siblings; trashed ones block only with the switch', () => {
    const { state, switches } = setup();
    const f = state.createFile({ parentId: ROOT_ID, name: 'x', md5: '0'.repeat(32), size: 1 });
    expect(code(() => state.createFolder(ROOT_ID, 'x'))).toBe(1);
    trashNodes(state, [f.id]);
    switches.trashedBlocksNames = true;
    expect(code(() => state.createFolder(ROOT_ID, 'x'))).toBe(1);
    switches.trashedBlocksNames = false;
    expect(state.createFolder(ROOT_ID, 'x').type).toBe(1);
    expect(state.uniqueName(ROOT_ID, 'x')).toBe('x(1)');
  });

  test('moving into own subtree is refused, or ignored when the switch is off', () => {
    const { state, switches } = setup();
    const a = state.createFolder(ROOT_ID, 'a');
    const b = state.createFolder(a.id, 'b');
    expect(code(() => moveNodes(state, [a.id], b.id))).toBe(1);
    expect(code(() => moveNodes(state, [a.id], a.id))).toBe(1);
    switches.refuseMoveIntoSelf = false;
    moveNodes(state, [a.id], b.id);
    expect(state.require(a.id).parentId).toBe(ROOT_ID);
  });

  test('deleting a trashed folder keeps separately trashed descendants as orphans', () => {
    const { state } = setup();
    const folder = state.createFolder(ROOT_ID, 'f');
    const keep = state.createFile({ parentId: folder.id, name: 'k', md5: '0'.repeat(32), size: 1 });
    const orphan = state.createFile({ parentId: folder.id, name: 'o', md5: '0'.repeat(32), size: 1 });
    trashNodes(state, [orphan.id]);
    trashNodes(state, [folder.id]);
    expect(recoverNodes(state, [orphan.id])).toEqual([orphan.id]);
    deleteNodes(state, [folder.id]);
    expect(state.get(keep.id)).toBeUndefined();
    expect(state.get(orphan.id)?.trashed).toBe(true);
    expect(recoverNodes(state, [orphan.id])).toEqual([orphan.id]);
    recoverNodesTo(state, [orphan.id], ROOT_ID);
    expect(state.require(orphan.id)).toMatchObject({ parentId: ROOT_ID, trashed: false });
  });

  test('recovering next to a live namesake takes a keep-both name', () => {
    const { state } = setup();
    const old = state.createFile({ parentId: ROOT_ID, name: 'n.txt', md5: '0'.repeat(32), size: 1 });
    trashNodes(state, [old.id]);
    state.createFile({ parentId: ROOT_ID, name: 'n.txt', md5: '1'.repeat(32), size: 1 });
    expect(recoverNodes(state, [old.id])).toEqual([]);
    expect(state.require(old.id).name).toBe('n(1).txt');
  });

  test('findByPath and pathOf', () => {
    const { state } = setup();
    const id = state.ensureFolderPath(ROOT_ID, ['a', 'b', 'c']);
    expect(state.pathOf(id)).toBe('/a/b/c');
    expect(state.findByPath('/a/b/c')?.id).toBe(id);
    expect(state.findByPath('/a/x')).toBeUndefined();
    expect(state.ensureFolderPath(ROOT_ID, ['a', 'b', 'c'])).toBe(id);
  });
});
