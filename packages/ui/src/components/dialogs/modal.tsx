import { useEffect, useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons row. */
  footer?: ReactNode;
  testId?: string;
  wide?: boolean;
}

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex="0"]';

/** Keeps Tab inside the dialog: from the last control to the first and back. */
export function trapFocus(e: KeyboardEvent, dialog: HTMLElement | null): void {
  const all = [...(dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog: labelled, Escape closes, focus starts inside and returns where it was (or to
 * the file list when that place is gone).
 */
export function Modal({ title, onClose, children, footer, testId, wide }: ModalProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>(
      'input:not([type=hidden]), select, textarea, button.pd-primary, button',
    );
    first?.focus();
    return () => {
      // Back where the keyboard was; if that is gone (a menu that closed), to the file list.
      const back = before && before !== document.body && before.isConnected ? before : null;
      (back ?? document.querySelector<HTMLElement>('[data-testid="file-grid"]'))?.focus?.();
    };
  }, []);
  return (
    <div className="pd-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`pd-dialog${wide ? ' pd-dialog-wide' : ''}`}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') trapFocus(e, ref.current);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="pd-dialog-body">{children}</div>
        {footer && <div className="pd-dialog-footer">{footer}</div>}
      </div>
    </div>
  );
}
