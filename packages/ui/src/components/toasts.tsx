import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../context';
import type { Toast } from '../stores/ui-store';

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
  return (
    <div
      className={`pd-toast pd-toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      data-testid="toast"
    >
      <span>{toast.message}</span>
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

/** Messages in a corner: info fades after a few seconds, errors stay until dismissed. */
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
