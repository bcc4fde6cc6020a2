/**
 * The folders a run started by the watcher needs to compare: the parent folder of each changed
 * path, as far up as the base knows it as a folder (a new folder is compared from its synced
 * parent), with folders inside others dropped. Too many, or the root among them: the whole pair.
 */
import type { BaseEntry } from '../model';
import { isWithin, parentOf } from '../paths';

const MAX_SCOPES = 20;

export function scopeOf(changed: readonly string[], base: ReadonlyMap<string, BaseEntry>): string[] | null {
  const folders = new Set<string>();
  for (const path of changed) {
    let folder = parentOf(path);
    while (folder !== '' && base.get(folder)?.kind !== 'folder') folder = parentOf(folder);
    if (folder === '') return null;
    folders.add(folder);
  }
  const sorted = [...folders].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const f of sorted) if (!kept.some((k) => isWithin(f, k))) kept.push(f);
  return kept.length === 0 || kept.length > MAX_SCOPES ? null : kept;
}
