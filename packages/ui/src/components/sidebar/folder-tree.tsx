import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileId } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { useFolderDropTarget } from '../../hooks/use-drop-target';
import type { TreeItem } from '../../stores/tree-store';
import { folderPath } from '../main/nav-bar';
import { FolderIcon } from '../icons';

function TreeRow({
  node,
  depth,
  focused,
  current,
  expanded,
}: {
  node: TreeItem;
  depth: number;
  focused: boolean;
  current: boolean;
  expanded: boolean;
}) {
  const { t } = useTranslation();
  const { tree, browser, ui } = useApp();
  const drop = useFolderDropTarget(node.id);
  const leaf = node.children !== null && node.children.length === 0;
  // The drive's top has no name of its own: translated at render, so it follows language
  // switches. A root folder chosen in the settings shows its own name.
  const rootName = useSlice(browser, (s) => s.rootName);
  const name = node.parentId === null ? (rootName ?? t('app.rootName')) : node.name;
  return (
    <div
      role="treeitem"
      data-testid="tree-item"
      data-id={node.id}
      aria-level={depth + 1}
      aria-expanded={leaf ? undefined : expanded}
      aria-selected={current}
      aria-busy={node.loading || undefined}
      tabIndex={focused ? 0 : -1}
      className={`pd-tree-item${current ? ' is-current' : ''}${drop.over ? ' is-drop-target' : ''}`}
      style={{ paddingInlineStart: `${0.5 + depth * 1}rem` }}
      onClick={() => {
        tree.getState().focus(node.id);
        browser.getState().navigate({ kind: 'folder', folderId: node.id });
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        tree.getState().focus(node.id);
        ui.getState().openContextMenu({ x: e.clientX, y: e.clientY, treeFolderId: node.id });
      }}
      {...drop.props}
    >
      <span
        className="pd-twisty"
        aria-hidden="true"
        title={t('sidebar.expand')}
        onClick={(e) => {
          e.stopPropagation();
          void tree.getState().toggle(node.id);
        }}
      >
        {leaf ? '' : expanded ? '▾' : '▸'}
      </span>
      <FolderIcon />
      <span className="pd-tree-name">{name}</span>
      {node.loading && <span className="pd-muted">{t('sidebar.loadingChildren')}</span>}
    </div>
  );
}

/** Lazy folder tree: children load on first expand; arrows, Home/End and Enter work as in a file manager. */
export function FolderTree() {
  const { t } = useTranslation();
  const { tree, browser, ui } = useApp();
  const nodes = useSlice(tree, (s) => s.nodes);
  const expanded = useSlice(tree, (s) => s.expanded);
  const focusedId = useSlice(tree, (s) => s.focusedId);
  const location = useSlice(browser, (s) => s.location);
  const container = useRef<HTMLDivElement>(null);
  const visible = tree.getState().visible();
  const hasFocus = useRef(false);

  // Follow the main pane: a folder opened from the list or breadcrumbs shows in the tree.
  const rootId = useSlice(tree, (s) => s.rootId);
  const folderId = location.kind === 'folder' ? location.folderId : null;
  useEffect(() => {
    if (folderId === null) return;
    void tree.getState().reveal(folderPath(browser.getState().known, rootId, folderId).map((c) => c.id));
  }, [tree, browser, rootId, folderId]);

  useEffect(() => {
    if (!hasFocus.current) return;
    container.current?.querySelector<HTMLElement>(`[data-id="${focusedId}"]`)?.focus();
  }, [focusedId]);

  function onKeyDown(e: KeyboardEvent): void {
    const s = tree.getState();
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      const rect = container.current?.querySelector(`[data-id="${focusedId}"]`)?.getBoundingClientRect();
      ui.getState().openContextMenu({
        x: (rect?.left ?? 0) + 24,
        y: rect?.bottom ?? 0,
        treeFolderId: focusedId,
      });
      return;
    }
    const index = visible.findIndex((v) => v.id === focusedId);
    const node = nodes.get(focusedId);
    const go = (id: FileId | undefined): void => {
      if (id !== undefined) s.focus(id);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(visible[index + 1]?.id),
      ArrowUp: () => go(visible[index - 1]?.id),
      Home: () => go(visible[0]?.id),
      End: () => go(visible[visible.length - 1]?.id),
      ArrowRight: () => (expanded.has(focusedId) ? go(node?.children?.[0]) : void s.expand(focusedId)),
      ArrowLeft: () => (expanded.has(focusedId) ? s.collapse(focusedId) : go(node?.parentId ?? undefined)),
      Enter: () => browser.getState().navigate({ kind: 'folder', folderId: focusedId }),
    };
    const handler = keys[e.key];
    if (!handler) return;
    e.preventDefault();
    handler();
  }

  return (
    <div
      role="tree"
      aria-label={t('sidebar.tree')}
      className="pd-tree"
      ref={container}
      onKeyDown={onKeyDown}
      onFocus={() => (hasFocus.current = true)}
      onBlur={() => (hasFocus.current = false)}
    >
      {visible.map(({ id, depth }) => {
        const node = nodes.get(id);
        if (!node) return null;
        const current = location.kind === 'folder' && location.folderId === id;
        return (
          <TreeRow
            key={id}
            node={node}
            depth={depth}
            focused={id === focusedId}
            current={current}
            expanded={expanded.has(id)}
          />
        );
      })}
    </div>
  );
}
