import { lazy, Suspense, useCallback, useState } from 'react';
import { describeError } from '../../actions/errors';
import { useTranslation } from 'react-i18next';
import type { FileEntry } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { previewKindOf } from '../../lib/preview-kinds';
import { extensionOf } from '../../lib/sort';
import { usePreviewUrl } from './use-preview-url';

/**
 * The viewer of one item, by its preview kind: `<img>` (SVG too: an SVG in `<img>` runs no
 * script), `<video>`/`<audio>` that stream from the host with `Range` (`preload="metadata"`:
 * nothing is fetched whole), text read up to a limit, PDF in Chromium's viewer; anything else
 * says there is no preview and offers Open and Download.
 */

/**
 * The text viewer with its Markdown parser, sanitiser and highlighter (about 200 KB) loads on
 * the first text preview, not with the app.
 */
const TextViewer = lazy(() => import('./text-viewer').then((m) => ({ default: m.TextViewer })));

/** Open and Download of the item, through the app's existing actions. */
function FileButtons({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { actions, browser } = useApp();
  const trash = useSlice(browser, (s) => s.location.kind === 'trash');
  if (trash) return null;
  return (
    <div className="pd-preview-buttons">
      {(entry.kind === 'folder' || actions.canOpenFiles()) && (
        <button type="button" data-testid="preview-open" onClick={() => void actions.open(entry)}>
          {t('preview.open')}
        </button>
      )}
      <button type="button" data-testid="preview-download" onClick={() => void actions.download([entry])}>
        {t('preview.download')}
      </button>
    </div>
  );
}

/** "No preview" (or "failed") words with Open and Download, and Retry when it failed. */
function Message({
  entry,
  words,
  reason,
  retry,
}: {
  entry: FileEntry;
  words: string;
  reason?: string | undefined;
  retry?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pd-preview-message" data-testid="preview-message">
      <p>{words}</p>
      {reason !== undefined && <p data-testid="preview-reason">{reason}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          {t('preview.retry')}
        </button>
      )}
      <FileButtons entry={entry} />
    </div>
  );
}

function noPreviewWords(t: ReturnType<typeof useTranslation>['t'], entry: FileEntry): string {
  if (entry.kind === 'folder') return t('preview.folder');
  const ext = extensionOf(entry.name);
  return t('preview.noPreview', { type: ext === '' ? t('fileType.other') : ext.toUpperCase() });
}

function Viewer({ entry, url, onFailed }: { entry: FileEntry; url: string; onFailed: () => void }) {
  const { t } = useTranslation();
  const kind = previewKindOf(entry);
  switch (kind) {
    case 'image':
      return (
        <img
          className="pd-preview-image"
          data-testid="preview-image"
          src={url}
          alt={entry.name}
          onError={onFailed}
        />
      );
    case 'video':
      return (
        <video
          className="pd-preview-media"
          data-testid="preview-video"
          src={url}
          controls
          preload="metadata"
          onError={onFailed}
        />
      );
    case 'audio':
      return <audio data-testid="preview-audio" src={url} controls preload="metadata" onError={onFailed} />;
    case 'pdf':
      // Not `sandbox`: Chromium does not load its PDF viewer in a sandboxed frame. The host
      // serves this URL only as application/pdf with nosniff, so the frame can hold nothing
      // but the viewer, and only the app may frame it (the response's frame-ancestors).
      return (
        <iframe
          className="pd-preview-pdf"
          data-testid="preview-pdf"
          src={url}
          title={t('preview.pdfFrame', { name: entry.name })}
          referrerPolicy="no-referrer"
        />
      );
    case 'markdown':
    case 'code':
    case 'text':
      return (
        <Suspense fallback={<p className="pd-preview-note">{t('preview.loading')}</p>}>
          <TextViewer url={url} name={entry.name} kind={kind} onFailed={onFailed} />
        </Suspense>
      );
    case 'none':
      return null;
  }
}

/** Asks the host for the file's URL, then shows its viewer; failures offer Retry. */
function LoadedViewer({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { state, retry } = usePreviewUrl(entry.id);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const url = state.status === 'ready' ? state.url : null;
  const onFailed = useCallback(() => setFailedUrl(url), [url]);
  const again = useCallback(() => {
    setFailedUrl(null);
    retry();
  }, [retry]);
  // A refused URL also says why, in the words every other failure uses; a viewer that could
  // not load its bytes knows no reason (the element reports none).
  if (state.status === 'failed' || (url !== null && failedUrl === url))
    return (
      <Message
        entry={entry}
        words={t('preview.failed')}
        reason={state.status === 'failed' ? describeError(t, state.error) : undefined}
        retry={again}
      />
    );
  if (url === null) return <p className="pd-preview-note">{t('preview.loading')}</p>;
  return <Viewer entry={entry} url={url} onFailed={onFailed} />;
}

export function PreviewBody({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { session } = useApp();
  const available = useSlice(session, (s) => s.info?.capabilities.preview === true);
  const kind = previewKindOf(entry);
  return (
    <div className="pd-preview-body" data-preview-kind={kind}>
      {kind === 'none' ? (
        <Message entry={entry} words={noPreviewWords(t, entry)} />
      ) : !available ? (
        <Message entry={entry} words={t('preview.unavailable')} />
      ) : (
        <LoadedViewer key={entry.id} entry={entry} />
      )}
    </div>
  );
}
