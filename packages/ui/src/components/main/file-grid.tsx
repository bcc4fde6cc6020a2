import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp, useSlice } from '../../context';
import { useFolderDropTarget } from '../../hooks/use-drop-target';
import { observeRectWithFallback } from '../../lib/virtual';
import { thumbnailSizeFor } from '../../lib/thumbnails/thumbnail-loader';
import { handleGridKey } from './file-list';
import { FileTile, TILE_HEIGHT, TILE_PICTURE, TILE_WIDTH } from './file-tile';
import { ListFooter } from './list-footer';
import { ThumbnailNotice } from './thumbnail-notice';

/** Rows rendered beyond those in view, each way: the thumbnails' margin. */
export const GRID_OVERSCAN_ROWS = 1;
/** Width assumed before layout (or in a DOM without layout). */
const FALLBACK_WIDTH = 960;

/** The scroll area's inner width, followed as the window is resized. */
function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = (): void => setWidth(el.clientWidth > 0 ? el.clientWidth : FALLBACK_WIDTH);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The grid view: tiles with thumbnails (images) or type icons, virtualised by rows (only the
 * rows in view plus {@link GRID_OVERSCAN_ROWS} each way are in the DOM, and only their tiles
 * ask for thumbnails), with the list's selection, keyboard (arrows by cell and by row), context
 * menu, drag and drop and opening.
 */
export function FileGrid() {
  const { t } = useTranslation();
  const ctx = useApp();
  const { browser, ui } = ctx;
  const entries = useSlice(browser, (s) => s.entries);
  const selection = useSlice(browser, (s) => s.selection);
  const location = useSlice(browser, (s) => s.location);
  const stale = useSlice(browser, (s) => s.refreshError !== null);
  const renamingId = useSlice(ui, (s) => s.renamingId);
  const scroller = useRef<HTMLDivElement>(null);
  const drop = useFolderDropTarget(location.kind === 'folder' ? location.folderId : null);
  const columns = Math.max(1, Math.floor(useWidth(scroller) / TILE_WIDTH));
  const rows = Math.ceil(entries.length / columns);
  const thumbnailPx = thumbnailSizeFor(
    TILE_PICTURE,
    typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1,
  );
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => TILE_HEIGHT,
    overscan: GRID_OVERSCAN_ROWS,
    observeElementRect: observeRectWithFallback,
  });

  const focusIndex = selection.focus === null ? -1 : entries.findIndex((e) => e.id === selection.focus);
  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(Math.floor(focusIndex / columns));
  }, [focusIndex, columns, virtualizer]);

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
      <ThumbnailNotice />
      <div
        role="grid"
        aria-label={t('list.label')}
        aria-rowcount={rows}
        aria-colcount={columns}
        aria-multiselectable="true"
        aria-activedescendant={focusIndex >= 0 ? `file-row-${selection.focus}` : undefined}
        tabIndex={0}
        data-testid="file-grid"
        data-view="grid"
        data-columns={columns}
        data-row-height={TILE_HEIGHT}
        data-overscan-rows={GRID_OVERSCAN_ROWS}
        data-stale={stale || undefined}
        className={`pd-grid pd-tiles${stale ? ' is-stale' : ''}`}
        onKeyDown={(e) => {
          if (renamingId === null && handleGridKey(ctx, e, columns)) e.preventDefault();
        }}
      >
        <div
          ref={scroller}
          className="pd-scroller"
          data-testid="file-scroller"
          onClick={(e) => e.target === e.currentTarget && browser.getState().clearSelection()}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((row) => (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 1}
                className="pd-tile-row"
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: TILE_HEIGHT,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                {entries.slice(row.index * columns, row.index * columns + columns).map((entry) => (
                  <FileTile
                    key={entry.id}
                    entry={entry}
                    selected={selection.selected.has(entry.id)}
                    focused={selection.focus === entry.id}
                    renaming={renamingId === entry.id}
                    thumbnailPx={thumbnailPx}
                    style={{ width: TILE_WIDTH, height: TILE_HEIGHT }}
                  />
                ))}
              </div>
            ))}
          </div>
        </div>
      </div>
      <ListFooter />
    </div>
  );
}
