import { describe, expect, it } from 'vitest';
import { clickSelect, EMPTY_SELECTION, moveFocus, pruneSelection, selectAll } from './selection';

const order = [1, 2, 3, 4, 5];
const ids = (s: { selected: ReadonlySet<number> }): number[] => [...s.selected].sort((a, b) => a - b);

describe('selection', () => {
  it('click selects one, ctrl toggles, shift extends from the anchor', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 2, {});
    expect(ids(s)).toEqual([2]);
    s = clickSelect(s, order, 4, { ctrl: true });
    expect(ids(s)).toEqual([2, 4]);
    s = clickSelect(s, order, 4, { ctrl: true });
    expect(ids(s)).toEqual([2]);
    s = clickSelect(clickSelect(EMPTY_SELECTION, order, 2, {}), order, 5, { shift: true });
    expect(ids(s)).toEqual([2, 3, 4, 5]);
    s = clickSelect(s, order, 1, { shift: true });
    expect(ids(s)).toEqual([1, 2]);
  });

  it('ctrl+shift adds a range to the existing selection', () => {
    let s = clickSelect(EMPTY_SELECTION, order, 1, {});
    s = clickSelect(s, order, 3, { ctrl: true });
    s = clickSelect(s, order, 5, { ctrl: true, shift: true });
    expect(ids(s)).toEqual([1, 3, 4, 5]);
  });

  it('arrow keys move focus, clamp at the ends, and extend with shift', () => {
    let s = moveFocus(EMPTY_SELECTION, order, 1, false);
    expect(s.focus).toBe(1);
    s = moveFocus(s, order, -1, false);
    expect(s.focus).toBe(1);
    s = moveFocus(s, order, 2, true);
    expect(ids(s)).toEqual([1, 2, 3]);
    s = moveFocus(s, order, Infinity, false);
    expect(ids(s)).toEqual([5]);
    s = moveFocus(s, order, -Infinity, true);
    expect(ids(s)).toEqual([1, 2, 3, 4, 5]);
  });

  it('select all and pruning of vanished ids', () => {
    const all = selectAll(order);
    expect(ids(all)).toEqual(order);
    const pruned = pruneSelection(all, new Set([2, 3]));
    expect(ids(pruned)).toEqual([2, 3]);
    expect(pruned.focus).toBeNull();
  });
});
