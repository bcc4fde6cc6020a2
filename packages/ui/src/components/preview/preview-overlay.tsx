import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import type { AppContextValue } from '../../context';
import { trapFocus } from '../dialogs/modal';
import { PreviewBody } from './preview-body';
import { useFocusedEntry } from './focused-entry';

/**
 * Quick preview, as in Finder: Space on the list opens it over the window for the focused
 * item; Space or Escape closes it; the arrow keys move the list's focus to the previous or next
 * item in the listing order, and the preview follows.
 */

const STEPS: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 };

function close(ctx: Pick<AppContextValue, 'ui'>): void {
  ctx.ui.getState().setPreviewOpen(false);
  // Back to the list, so Space opens the preview again and arrows move there.
  document.querySelector<HTMLElement>('[data-testid="file-grid"]')?.focus();
}

/** Keys of the open preview; answers whether it handled the key. */
export function handlePreviewKey(ctx: Pick<AppContextValue, 'ui' | 'browser'>, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  if (e.key === ' ' || e.key === 'Escape') close(ctx);
  else if (STEPS[e.key] !== undefined) ctx.browser.getState().moveFocus(STEPS[e.key] ?? 0, false);
  else return false;
  return true;
}

export function PreviewOverlay() {
  const { t } = useTranslation();
  const ctx = useApp();
  const open = useSlice(ctx.ui, (s) => s.previewOpen);
  const entry = useFocusedEntry(ctx.browser);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) root.current?.focus();
  }, [open]);
  // Nothing focused any more (the folder changed, the item went away): nothing to preview.
  useEffect(() => {
    if (open && entry === undefined) ctx.ui.getState().setPreviewOpen(false);
  }, [open, entry, ctx.ui]);
  if (!open || entry === undefined) return null;
  return (
    <div className="pd-preview-backdrop" onClick={(e) => e.target === e.currentTarget && close(ctx)}>
      <div
        ref={root}
        role="dialog"
        aria-modal="true"
        aria-label={t('preview.title', { name: entry.name })}
        tabIndex={-1}
        className="pd-preview-overlay"
        data-testid="preview-overlay"
        data-file-id={entry.id}
        onKeyDown={(e) => {
          if (e.key === 'Tab') return trapFocus(e, root.current);
          if (handlePreviewKey(ctx, e)) {
            e.preventDefault();
            e.stopPropagation();
          }
        }}
      >
        <header className="pd-preview-header">
          <button
            type="button"
            aria-label={t('preview.previous')}
            onClick={() => ctx.browser.getState().moveFocus(-1)}
          >
            ◀
          </button>
          <h2 className="pd-preview-name" data-testid="preview-name">
            {entry.name}
          </h2>
          <button
            type="button"
            aria-label={t('preview.next')}
            onClick={() => ctx.browser.getState().moveFocus(1)}
          >
            ▶
          </button>
          <button
            type="button"
            aria-label={t('preview.close')}
            data-testid="preview-close"
            onClick={() => close(ctx)}
          >
            ✕
          </button>
        </header>
        <PreviewBody entry={entry} />
      </div>
    </div>
  );
}
