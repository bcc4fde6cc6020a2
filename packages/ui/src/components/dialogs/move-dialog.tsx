import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileId } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { Modal } from './modal';

/** Move to…: pick a folder from the (lazily expanded) tree. */
export function MoveDialog({ ids, restore = false }: { ids: readonly FileId[]; restore?: boolean }) {
  const { t } = useTranslation();
  const { ui, tree, actions } = useApp();
  useSlice(tree, (s) => s.nodes);
  useSlice(tree, (s) => s.expanded);
  const [target, setTarget] = useState<FileId | null>(null);
  const close = (): void => ui.getState().closeDialog();
  const nodes = tree.getState().nodes;
  const moving = new Set(ids);
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
        {tree
          .getState()
          .visible()
          .map(({ id, depth }) => {
            const node = nodes.get(id);
            if (!node || moving.has(id)) return null;
            return (
              <div
                key={id}
                role="option"
                aria-selected={target === id}
                tabIndex={0}
                style={{ paddingInlineStart: `${0.5 + depth}rem` }}
                onClick={() => {
                  setTarget(id);
                  void tree.getState().expand(id);
                }}
                onKeyDown={(e) => e.key === 'Enter' && setTarget(id)}
              >
                {node.name}
              </div>
            );
          })}
      </div>
    </Modal>
  );
}
