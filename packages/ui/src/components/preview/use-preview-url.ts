import { useCallback, useEffect, useState } from 'react';
import type { ApiError, FileId } from '@pandesk/contract';
import { useApp } from '../../context';

/** Where the viewer reads the file from, asked of the host (`app.previewUrl`) per file. */
export type PreviewUrlState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly url: string }
  /** The host refused: `error` says why (signed out, traffic used up, file gone…). */
  | { readonly status: 'failed'; readonly error: ApiError };

/**
 * The host's preview URL of a file: a reusable, short-lived grant URL that answers `Range`
 * requests (never the CDN's signed URL). `retry` asks again, e.g. after the grant expired.
 */
export function usePreviewUrl(fileId: FileId | null): { state: PreviewUrlState; retry: () => void } {
  const { bridge } = useApp();
  const [state, setState] = useState<PreviewUrlState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (fileId === null) return;
    let live = true;
    setState({ status: 'loading' });
    void bridge.app.previewUrl({ fileId }).then((result) => {
      if (!live) return;
      setState(
        result.ok ? { status: 'ready', url: result.value.url } : { status: 'failed', error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [bridge, fileId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
