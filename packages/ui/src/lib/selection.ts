/**
 * Multi-selection over an ordered list, as file managers do it: click selects one, ctrl/cmd
 * toggles, shift extends from the anchor, arrows move the focus (with shift: extend). Pure
 * functions over ids so the store stays small and the rules are unit-testable.
 */
export interface Selection {
  selected: ReadonlySet<number>;
  /** Where a shift-extension starts. */
  anchor: number | null;
  /** The row with keyboard focus. */
  focus: number | null;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

export interface ClickModifiers {
  ctrl?: boolean;
  shift?: boolean;
}

function range(order: readonly number[], from: number, to: number): Set<number> {
  const a = order.indexOf(from);
  const b = order.indexOf(to);
  if (a < 0 || b < 0) return new Set([to]);
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return new Set(order.slice(lo, hi + 1));
}

export function clickSelect(
  sel: Selection,
  order: readonly number[],
  id: number,
  mods: ClickModifiers,
): Selection {
  if (mods.shift && sel.anchor !== null) {
    const extended = range(order, sel.anchor, id);
    if (mods.ctrl) sel.selected.forEach((x) => extended.add(x));
    return { selected: extended, anchor: sel.anchor, focus: id };
  }
  if (mods.ctrl) {
    const next = new Set(sel.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return { selected: next, anchor: id, focus: id };
  }
  return { selected: new Set([id]), anchor: id, focus: id };
}

/** Moves the focus by `delta` rows (clamped); `Infinity`/`-Infinity` jump to the ends. */
export function moveFocus(
  sel: Selection,
  order: readonly number[],
  delta: number,
  extend: boolean,
): Selection {
  if (order.length === 0) return sel;
  const current = sel.focus === null ? -1 : order.indexOf(sel.focus);
  let index: number;
  if (delta === Infinity) index = order.length - 1;
  else if (delta === -Infinity) index = 0;
  else index = current < 0 ? 0 : Math.min(order.length - 1, Math.max(0, current + delta));
  const id = order[index] as number;
  if (extend && sel.anchor !== null)
    return { selected: range(order, sel.anchor, id), anchor: sel.anchor, focus: id };
  return { selected: new Set([id]), anchor: id, focus: id };
}

export function selectAll(order: readonly number[]): Selection {
  return { selected: new Set(order), anchor: order[0] ?? null, focus: order[order.length - 1] ?? null };
}

/** Drops ids that are no longer listed (after a reload, move or trash). */
export function pruneSelection(sel: Selection, present: ReadonlySet<number>): Selection {
  const selected = new Set([...sel.selected].filter((id) => present.has(id)));
  const keep = (id: number | null): number | null => (id !== null && present.has(id) ? id : null);
  if (selected.size === sel.selected.size && keep(sel.focus) === sel.focus) return sel;
  return { selected, anchor: keep(sel.anchor), focus: keep(sel.focus) };
}
