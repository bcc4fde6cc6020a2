/**
 * A decision for every base entry (decide.ts), parents first. In two-way pairs a local move
 * onto a path that a new cloud item took gives way: the entry stays where the cloud has it.
 */
import type { BaseEntry } from '../model';
import { depthOf } from '../paths';
import type { Decision } from './decide';
import { decide } from './decide';
import type { SideView } from './detect';
import type { PlanInput } from './planner';

export interface Decisions {
  /** Base entries, parents first (then by path). */
  readonly entries: BaseEntry[];
  readonly decisions: Map<string, Decision>;
}

export function decideAll(
  input: PlanInput,
  L: SideView,
  R: SideView,
  key: (path: string) => string,
): Decisions {
  const { base, local, remote } = input;
  const entries = [...base.values()].sort(
    (a, b) => depthOf(a.path) - depthOf(b.path) || (a.path < b.path ? -1 : 1),
  );
  const decisions = new Map<string, Decision>();
  for (const b of entries) {
    const localAt = L.where.get(b.path) ?? null;
    const remoteAt = R.where.get(b.path) ?? null;
    const l = localAt === null ? undefined : local.get(localAt);
    const r = remoteAt === null ? undefined : remote.get(remoteAt);
    decisions.set(
      b.path,
      decide(input.mode, input.deletions, {
        base: b,
        localAt,
        remoteAt,
        localModified: L.modified.has(b.path),
        remoteModified: R.modified.has(b.path),
        sameContent: l !== undefined && r !== undefined && l.md5 !== null && l.md5 === r.etag,
      }),
    );
  }
  if (input.mode === 'two_way') {
    const remoteFresh = new Set([...R.fresh].map(key));
    for (const b of entries) {
      const d = decisions.get(b.path) as Decision;
      const remoteAt = R.where.get(b.path) ?? null;
      if (d.final !== null && remoteAt !== null && d.final !== remoteAt && remoteFresh.has(key(d.final)))
        decisions.set(b.path, { ...d, final: remoteAt });
    }
  }
  return { entries, decisions };
}
