import { screen } from '@testing-library/react';

/** The file list's row showing `name`. */
export function fileRow(name: string): HTMLElement {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

/** The sidebar tree's item showing `name`. */
export function treeItem(name: string): HTMLElement {
  const found = screen
    .getAllByTestId('tree-item')
    .find((r) => r.querySelector('.pd-tree-name')?.textContent === name);
  if (!found) throw new Error(`no tree item ${name}`);
  return found;
}

/** The fake drive's entry named `name` (first match). */
export function entryId(
  bridge: { drive: { items: Map<number, { entry: { id: number; name: string } }> } },
  name: string,
): number {
  const found = [...bridge.drive.items.values()].find((i) => i.entry.name === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found.entry.id;
}
