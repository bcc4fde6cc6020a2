import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../context';
import { renderWords, wordsDetails } from '../lib/words';
import type { Toast } from '../stores/ui-store';
import { DetailsDisclosure } from './details-disclosure';

const INFO_MS = 5000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const { ui } = useApp();
  const dismiss = (): void => ui.getState().dismissToast(toast.id);
  useEffect(() => {
    if (toast.kind !== 'info') return;
    const timer = setTimeout(() => ui.getState().dismissToast(toast.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [toast, ui]);
  const text = renderWords(t, toast.text);
  return (
    <div
      className={`pd-toast pd-toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      <div className="pd-toast-body">
        <span className="pd-toast-text">{text}</span>
        <DetailsDisclosure lines={wordsDetails(t, toast.text, toast.extra)} />
      </div>
      {toast.retry && (
        <button
          type="button"
          onClick={() => {
            dismiss();
            toast.retry?.();
          }}
        >
          {t('app.retry')}
        </button>
      )}
      <button type="button" aria-label={t('errors.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}

/**
 * Messages at the bottom corner of the file area: info fades after a few seconds, errors stay
 * until dismissed. Worded at render time, so they follow a language switch. They sit above the
 * list, never over the transfers panel's buttons.
 */
export function Toasts() {
  const { ui } = useApp();
  const toasts = useSlice(ui, (s) => s.toasts);
  return (
    <div className="pd-toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
