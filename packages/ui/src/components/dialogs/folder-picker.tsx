import { useTranslation } from 'react-i18next';
import type { FileId } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';

export interface FolderPickerProps {
  value: FileId | null;
  onChange(id: FileId): void;
  /** The list's accessible name (default: the folder tree's). */
  label?: string;
  testId?: string;
}

/** Picks a cloud folder from the sidebar's (lazily expanded) tree. */
export function FolderPicker({ value, onChange, label, testId = 'folder-picker' }: FolderPickerProps) {
  const { t } = useTranslation();
  const { tree } = useApp();
  const nodes = useSlice(tree, (s) => s.nodes);
  useSlice(tree, (s) => s.expanded);
  return (
    <div role="listbox" aria-label={label ?? t('sidebar.tree')} className="pd-picker" data-testid={testId}>
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
