import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp, useSlice } from '../../context';
import type { AppContextValue } from '../../context';
import { useFolderDropTarget } from '../../hooks/use-drop-target';
import { observeRectWithFallback } from '../../lib/virtual';
import type { SortKey } from '../../lib/sort';
import { FileRow, ROW_HEIGHT } from './file-row';
import { confirmDelete } from './toolbar';
import { ListFooter } from './list-footer';
import { openEntry } from './open-entry';

const COLUMNS: readonly SortKey[] = ['name', 'size', 'type', 'modified'];

/** A sortable column header; `location` (search results) is not sortable. */
function HeaderCell({ column }: { column: SortKey | 'location' }) {
  const { t } = useTranslation();
  const { browser } = useApp();
  const sort = useSlice(browser, (s) => s.sort);
  if (column === 'location')
    return (
      <span role="columnheader" className="pd-cell pd-cell-location">
        <span className="pd-header-label">{t('list.location')}</span>
      </span>
    );
  return (
    <span
      role="columnheader"
      className={`pd-cell pd-cell-${column}`}
      aria-sort={sort.key === column ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" tabIndex={-1} onClick={() => browser.getState().setSort(column)}>
        {t(`list.${column}`)} {sort.key === column ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
      </button>
    </span>
  );
}
const PAGE_ROWS = 10;

/** Opens the context menu next to the focused row (keyboard users: Menu key or Shift+F10). */
function openMenuAtFocus(ctx: AppContextValue): void {
  const focus = ctx.browser.getState().selection.focus;
  const rect = document.getElementById(`file-row-${focus}`)?.getBoundingClientRect();
  ctx.ui.getState().openContextMenu({ x: (rect?.left ?? 0) + 24, y: rect?.bottom ?? 0 });
}

/**
 * Keyboard handling of the list and of the grid view: focus, selection, open, quick preview
 * (Space), rename, delete. In the grid view (`columns` tiles a row) the arrows move by cell
 * and by row.
 */
export function handleGridKey(ctx: AppContextValue, e: KeyboardEvent, columns?: number): boolean {
  const b = ctx.browser.getState();
  const extend = e.shiftKey;
  const focused = b.entries.find((x) => x.id === b.selection.focus);
  const row = columns ?? 1;
  const moves: Record<string, number> = {
    ArrowDown: row,
    ArrowUp: -row,
    PageDown: PAGE_ROWS * row,
    PageUp: -PAGE_ROWS * row,
    Home: -Infinity,
    End: Infinity,
    ...(columns === undefined ? {} : { ArrowRight: 1, ArrowLeft: -1 }),
  };
  const move = moves[e.key];
  if (move !== undefined) b.moveFocus(move, extend);
  else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') b.selectAll();
  else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'x' && b.location.kind !== 'trash')
    ctx.actions.cut(b.selectedEntries().map((x) => x.id));
  else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && b.location.kind !== 'trash')
    ctx.actions.copy(b.selectedEntries());
  else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'v') void ctx.actions.paste();
  else if (e.altKey && e.key === 'Enter' && b.selectedEntries().length > 0 && b.location.kind !== 'trash')
    ctx.ui.getState().openDialog({ kind: 'properties', entries: b.selectedEntries() });
  else if (e.key === 'Enter' && focused) openEntry(ctx, focused);
  else if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey && focused)
    ctx.ui.getState().setPreviewOpen(true);
  else if (e.key === 'F2' && b.selection.selected.size === 1 && b.location.kind !== 'trash')
    ctx.ui.getState().startRename(b.selectedEntries()[0]?.id ?? null);
  else if (e.key === 'Delete') confirmDelete(ctx, b.selectedEntries());
  else if (e.key === 'Escape') b.clearSelection();
  else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) openMenuAtFocus(ctx);
  else if (e.key === 'Backspace') b.goUp();
  else return false;
  return true;
}

/**
 * The file list: a virtualised grid (only the rows in view plus a small overscan are in the
 * DOM, whatever the folder size), sortable columns, multi-select, context menu and drop target.
 */
export function FileList() {
  const { t } = useTranslation();
  const ctx = useApp();
  const { browser, ui } = ctx;
  const entries = useSlice(browser, (s) => s.entries);
  const selection = useSlice(browser, (s) => s.selection);
  const location = useSlice(browser, (s) => s.location);
  const stale = useSlice(browser, (s) => s.refreshError !== null);
  const searching = location.kind === 'search';
  const columns: readonly (SortKey | 'location')[] = searching
    ? ['name', 'location', 'size', 'type', 'modified']
    : COLUMNS;
  const renamingId = useSlice(ui, (s) => s.renamingId);
  const scroller = useRef<HTMLDivElement>(null);
  const drop = useFolderDropTarget(location.kind === 'folder' ? location.folderId : null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    observeElementRect: observeRectWithFallback,
    getItemKey: (i) => entries[i]?.id ?? i,
  });

  const focusIndex = selection.focus === null ? -1 : entries.findIndex((e) => e.id === selection.focus);
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex);
  }, [focusIndex, virtualizer]);

  return (
    <div
      className={`pd-list${drop.over ? ' is-drop-target' : ''}`}
      {...drop.props}
      onContextMenu={(e) => {
        e.preventDefault();
        browser.getState().clearSelection();
        ui.getState().openContextMenu({ x: e.clientX, y: e.clientY });
      }}
    >
      <div
        role="grid"
        aria-label={t('list.label')}
        aria-rowcount={entries.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={focusIndex >= 0 ? `file-row-${selection.focus}` : undefined}
        tabIndex={0}
        data-testid="file-grid"
        data-stale={stale || undefined}
        className={`pd-grid${searching ? ' pd-grid-search' : ''}${stale ? ' is-stale' : ''}`}
        onKeyDown={(e) => {
          if (renamingId === null && handleGridKey(ctx, e)) e.preventDefault();
        }}
      >
        <div role="row" aria-rowindex={1} className="pd-row pd-header">
          {columns.map((key) => (
            <HeaderCell key={key} column={key} />
          ))}
        </div>
        <div
          ref={scroller}
          className="pd-scroller"
          data-testid="file-scroller"
          onClick={(e) => e.target === e.currentTarget && browser.getState().clearSelection()}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const entry = entries[item.index];
              if (!entry) return null;
              return (
                <FileRow
                  key={entry.id}
                  entry={entry}
                  index={item.index}
                  selected={selection.selected.has(entry.id)}
                  focused={selection.focus === entry.id}
                  renaming={renamingId === entry.id}
                  searching={searching}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                />
              );
            })}
          </div>
        </div>
      </div>
      <ListFooter />
    </div>
  );
}
