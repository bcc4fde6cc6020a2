/**
 * Global search for the v2 list (reference §4.1): `searchData` ignores `parentFileId`.
 * Mode 0 is fuzzy: every whitespace-separated token must occur in the name, case-insensitively
 * (own reading of "tokenised"). Mode 1 matches the whole file name exactly. Results leave out
 * nodes younger than `searchLagMs` (the search-index lag) and come by ascending id.
 */
import type { DriveState, FileNode } from '../core/drive-state';

export function searchMatcher(searchData: string, mode: number): (name: string) => boolean {
  if (mode === 1) return (name) => name === searchData;
  const tokens = searchData
    .toLowerCase()
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return (name) => {
    const lower = name.toLowerCase();
    return tokens.every((t) => lower.includes(t));
  };
}

/** Matching nodes with id > `afterId`, ascending, at most `limit`, plus whether more follow. */
export function searchPage(
  state: DriveState,
  match: (name: string) => boolean,
  indexedBefore: number,
  afterId: number,
  limit: number,
): { items: FileNode[]; hasMore: boolean } {
  const hits: FileNode[] = [];
  for (const node of state.tree.values()) {
    if (node.id > afterId && node.createAt <= indexedBefore && match(node.name)) hits.push(node);
  }
  hits.sort((a, b) => a.id - b.id);
  return { items: hits.slice(0, limit), hasMore: hits.length > limit };
}
