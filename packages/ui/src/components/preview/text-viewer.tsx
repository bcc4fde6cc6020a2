import { useEffect, useMemo, useState } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codeToHtml } from '../../lib/code-html';
import { formatBytes } from '../../lib/format';
import { markdownToSafeHtml } from '../../lib/markdown-html';
import { TEXT_PREVIEW_BYTES } from '../../lib/preview-kinds';
import { fetchTextHead } from '../../lib/text-head';
import type { TextHead } from '../../lib/text-head';

/** Text, code and Markdown: the first {@link TEXT_PREVIEW_BYTES} of the file, never more. */

type Load = { status: 'loading' } | { status: 'ready'; head: TextHead } | { status: 'failed' };

/**
 * Links of rendered Markdown never navigate the app: http(s) and mailto links open in a new
 * tab (the desktop host refuses new windows, so there they do nothing); others have no target.
 */
function keepLinksOut(e: MouseEvent): void {
  const link = (e.target as Element).closest('a');
  if (link === null) return;
  e.preventDefault();
  const href = link.getAttribute('href');
  if (href !== null) window.open(href, '_blank', 'noopener,noreferrer');
}

function TextBody({ name, kind, text }: { name: string; kind: 'markdown' | 'code' | 'text'; text: string }) {
  const html = useMemo(
    () =>
      kind === 'markdown' ? markdownToSafeHtml(text) : kind === 'code' ? codeToHtml(name, text) : undefined,
    [kind, name, text],
  );
  if (kind === 'markdown' && html !== undefined)
    return (
      <div
        className="pd-preview-markdown"
        data-testid="preview-markdown"
        onClick={keepLinksOut}
        // Sanitised by DOMPurify in markdownToSafeHtml.
        dangerouslySetInnerHTML={{ __html: html }}
      />
    );
  if (html !== undefined)
    return (
      <pre className="pd-preview-code" data-testid="preview-code">
        {/* highlight.js output: the source's text, escaped, inside its own spans. */}
        <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    );
  return (
    <pre className="pd-preview-text" data-testid="preview-text">
      {text}
    </pre>
  );
}

export function TextViewer(props: {
  url: string;
  name: string;
  kind: 'markdown' | 'code' | 'text';
  onFailed: () => void;
}) {
  const { t } = useTranslation();
  const { url, onFailed } = props;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading' });
    fetchTextHead(url, TEXT_PREVIEW_BYTES, controller.signal).then(
      (head) => setLoad({ status: 'ready', head }),
      () => {
        if (controller.signal.aborted) return;
        setLoad({ status: 'failed' });
        onFailed();
      },
    );
    return () => controller.abort();
  }, [url, onFailed]);
  if (load.status !== 'ready')
    return load.status === 'loading' ? <p className="pd-preview-note">{t('preview.loading')}</p> : null;
  const { head } = load;
  return (
    <div className="pd-preview-scroll">
      {head.truncated && (
        <p className="pd-preview-note" data-testid="preview-truncated">
          {t('preview.truncated', {
            size: formatBytes(t, TEXT_PREVIEW_BYTES),
            total: head.total === null ? '?' : formatBytes(t, head.total),
          })}
        </p>
      )}
      <TextBody name={props.name} kind={props.kind} text={head.text} />
    </div>
  );
}
