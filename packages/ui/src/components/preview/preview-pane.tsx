import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { PreviewBody } from './preview-body';
import { useFocusedEntry } from './focused-entry';

/** The preview pane at the right of the file list: the focused item's preview, or a hint. */
export function PreviewPane() {
  const { t } = useTranslation();
  const { browser, ui } = useApp();
  const entry = useFocusedEntry(browser);
  // While the quick preview shows the same item, the pane lets it be (no second player).
  const overlaid = useSlice(ui, (s) => s.previewOpen);
  return (
    <aside className="pd-preview-pane" aria-label={t('preview.pane')} data-testid="preview-pane">
      {entry === undefined ? (
        <p className="pd-preview-note">{t('preview.paneEmpty')}</p>
      ) : (
        <>
          <h2 className="pd-preview-name">{entry.name}</h2>
          {!overlaid && <PreviewBody entry={entry} />}
        </>
      )}
    </aside>
  );
}
