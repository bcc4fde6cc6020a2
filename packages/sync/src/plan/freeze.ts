/**
 * Parts of a pair a run must not touch: a local folder that could not be read (its contents
 * would look deleted), and cloud items the scan left out (a name unsafe on this computer, a
 * case twin) with everything synced under them. Their base rows stay as they are, and nothing
 * inside them is planned, until a later scan sees them.
 */
import type { BaseTree, LocalTree, RemoteTree } from '../model';
import { isWithin } from '../paths';

export interface Trees {
  readonly base: BaseTree;
  readonly local: LocalTree;
  readonly remote: RemoteTree;
}

export function frozenPaths(
  base: BaseTree,
  localUnreadable: readonly string[],
  excludedIds: ReadonlySet<number>,
): string[] {
  const frozen = [...localUnreadable];
  if (excludedIds.size > 0)
    for (const b of base.values()) if (excludedIds.has(b.remoteId)) frozen.push(b.path);
  return frozen;
}

export function freeze(trees: Trees, frozen: readonly string[]): Trees {
  if (frozen.length === 0) return trees;
  const keep = (path: string): boolean => !frozen.some((f) => isWithin(path, f));
  const filter = <T>(m: ReadonlyMap<string, T>): Map<string, T> => new Map([...m].filter(([p]) => keep(p)));
  return { base: filter(trees.base), local: filter(trees.local), remote: filter(trees.remote) };
}
