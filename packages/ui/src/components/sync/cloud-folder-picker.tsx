import { useTranslation } from 'react-i18next';
import type { FileId } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';

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

/** Picks a cloud folder from the sidebar's (lazily expanded) tree. */
export function CloudFolderPicker({ value, onChange }: { value: FileId | null; onChange(id: FileId): void }) {
  const { t } = useTranslation();
  const { tree } = useApp();
  const nodes = useSlice(tree, (s) => s.nodes);
  useSlice(tree, (s) => s.expanded);
  return (
    <div
      role="listbox"
      aria-label={t('sync.addDialog.cloud')}
      className="pd-picker"
      data-testid="sync-cloud-picker"
    >
      {tree
        .getState()
        .visible()
        .map(({ id, depth }) => {
          const node = nodes.get(id);
          if (!node) return null;
          return (
            <div
              key={id}
              role="option"
              aria-selected={value === id}
              tabIndex={0}
              style={{ paddingInlineStart: `${0.5 + depth}rem` }}
              onClick={() => {
                onChange(id);
                void tree.getState().expand(id);
              }}
              onKeyDown={(e) => e.key === 'Enter' && onChange(id)}
            >
              {node.parentId === null && node.name === '' ? t('app.rootName') : node.name}
            </div>
          );
        })}
    </div>
  );
}
