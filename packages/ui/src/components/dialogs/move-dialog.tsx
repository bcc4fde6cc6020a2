import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileId } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { Modal } from './modal';

/**
 * Move to…: pick a folder from the (lazily expanded) tree. Folders being moved are not offered,
 * and neither is anything inside them (a folder cannot go into its own subfolder).
 */
export function MoveDialog({ ids, restore = false }: { ids: readonly FileId[]; restore?: boolean }) {
  const { t } = useTranslation();
  const { ui, tree, actions, browser } = useApp();
  const rootName = useSlice(browser, (s) => s.rootName);
  const nodes = useSlice(tree, (s) => s.nodes);
  const expanded = useSlice(tree, (s) => s.expanded);
  const [target, setTarget] = useState<FileId | null>(null);
  const close = (): void => ui.getState().closeDialog();
  const moving = new Set(ids);
  const rows: { id: FileId; depth: number }[] = [];
  const walk = (id: FileId, depth: number): void => {
    if (moving.has(id)) return;
    rows.push({ id, depth });
    if (!expanded.has(id)) return;
    for (const child of nodes.get(id)?.children ?? []) walk(child, depth + 1);
  };
  const root = tree.getState().rootId;
  if (nodes.has(root)) walk(root, 0);
  return (
    <Modal
      title={t(restore ? 'dialog.restoreTitle' : 'dialog.moveTitle', { count: ids.length })}
      onClose={close}
      testId="move-dialog"
      footer={
        <>
          <button type="button" onClick={close}>
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            className="pd-primary"
            disabled={target === null}
            onClick={() => {
              close();
              if (target === null) return;
              if (restore) void actions.restore(ids, target);
              else void actions.move(ids, target);
            }}
          >
            {t(restore ? 'dialog.restoreHere' : 'dialog.moveHere')}
          </button>
        </>
      }
    >
      <div role="listbox" aria-label={t('sidebar.tree')} className="pd-picker">
        {rows.map(({ id, depth }) => {
          const node = nodes.get(id);
          if (!node) return null;
          const leaf = node.children !== null && node.children.filter((c) => !moving.has(c)).length === 0;
          const open = expanded.has(id);
          return (
            <div
              key={id}
              role="option"
              aria-selected={target === id}
              aria-expanded={leaf ? undefined : open}
              data-testid="move-target"
              tabIndex={0}
              style={{ paddingInlineStart: `${0.5 + depth}rem` }}
              onClick={() => setTarget(id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') setTarget(id);
                if (e.key === 'ArrowRight') void tree.getState().expand(id);
                if (e.key === 'ArrowLeft') tree.getState().collapse(id);
              }}
            >
              <span
                className="pd-twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  void tree.getState().toggle(id);
                }}
              >
                {leaf ? '' : open ? '▾' : '▸'}
              </span>
              {node.parentId === null ? (rootName ?? t('app.rootName')) : node.name}
            </div>
          );
        })}
      </div>
    </Modal>
  );
}
