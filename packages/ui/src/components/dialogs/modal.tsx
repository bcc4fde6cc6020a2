import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons row. */
  footer?: ReactNode;
  testId?: string;
  wide?: boolean;
}

/** A modal dialog: labelled, Escape closes, focus starts inside and returns where it was. */
export function Modal({ title, onClose, children, footer, testId, wide }: ModalProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button.pd-primary, button');
    first?.focus();
    return () => before?.focus?.();
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
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        <div className="pd-dialog-body">{children}</div>
        {footer && <div className="pd-dialog-footer">{footer}</div>}
      </div>
    </div>
  );
}
