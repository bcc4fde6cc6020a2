/**
 * How a copy meets the names already in its target folder. Items whose name is free are copied
 * straight in. The others follow the policy: `skip` leaves them out; `keep_both` and
 * `overwrite` copy them into a staging folder first (so the service never sees a clash, whatever
 * it would do with one), then each copy is renamed to a free name, or the item holding the
 * name is moved to the recycle bin, and the copy moved in. An item copied into its own folder
 * always gets a second, renamed copy, as file managers do. Staged items are grouped into
 * layers of distinct names, one staging folder per layer.
 */
import type { ConflictPolicy } from '@pandesk/contract';
import type { PanEntry } from '@pandesk/open-api';

export interface StagedItem {
  source: PanEntry;
  /** The target's item holding the name (to replace with `overwrite`); null when another source took it. */
  clash: PanEntry | null;
  policy: 'keep_both' | 'overwrite';
}

export interface CopyPlan {
  direct: PanEntry[];
  /** Each layer's names are distinct. */
  layers: StagedItem[][];
  skipped: PanEntry[];
}

const MAX_NAME_CHARS = 255;

function splitExtension(name: string, kind: PanEntry['kind']): [string, string] {
  const dot = name.lastIndexOf('.');
  if (kind === 'folder' || dot <= 0) return [name, ''];
  return [name.slice(0, dot), name.slice(dot)];
}

/**
 * The first free name of the form `name(n).ext` (`photos(1)` for folders and names without an
 * extension), cut to fit the service's 255 characters.
 */
export function freeName(name: string, kind: PanEntry['kind'], taken: ReadonlySet<string>): string {
  const [base, ext] = splitExtension(name, kind);
  for (let n = 1; ; n++) {
    const suffix = `(${n})${ext}`;
    const room = MAX_NAME_CHARS - [...suffix].length;
    const candidate = `${[...base].slice(0, room).join('')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function planCopy(
  sources: readonly PanEntry[],
  target: readonly PanEntry[],
  policy: ConflictPolicy,
): CopyPlan {
  const holders = new Map(target.map((e) => [e.name, e]));
  const incoming = new Set<string>();
  const plan: CopyPlan = { direct: [], layers: [], skipped: [] };
  const stage = (item: StagedItem): void => {
    const layer = plan.layers.find((l) => l.every((s) => s.source.name !== item.source.name));
    if (layer) layer.push(item);
    else plan.layers.push([item]);
  };
  for (const source of sources) {
    const clash = holders.get(source.name);
    const again = incoming.has(source.name);
    incoming.add(source.name);
    if (clash === undefined && !again) plan.direct.push(source);
    else if (clash !== undefined && clash.id === source.id)
      stage({ source, clash: null, policy: 'keep_both' });
    else if (policy === 'skip') plan.skipped.push(source);
    else if (again) stage({ source, clash: null, policy: 'keep_both' });
    else stage({ source, clash: clash ?? null, policy });
  }
  return plan;
}
