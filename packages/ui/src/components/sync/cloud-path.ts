import type { FileId } from '@pandesk/contract';

/** The cloud folder's path from the tree's root ("/" for the root itself). */
export function cloudPathOf(
  nodes: ReadonlyMap<FileId, { name: string; parentId: FileId | null }>,
  id: FileId,
): string {
  const names: string[] = [];
  let node = nodes.get(id);
  while (node && node.parentId !== null) {
    names.unshift(node.name);
    node = nodes.get(node.parentId);
  }
  return `/${names.join('/')}`;
}
