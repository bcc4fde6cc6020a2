import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { checkName } from '@pandesk/contract';
import type { FileEntry } from '@pandesk/contract';
import { useApp } from '../../context';
import { describeInline, nameProblem } from '../../actions/errors';
import type { InlineProblem } from '../../actions/errors';

/**
 * The problem under the field, drawn over the page (a portal at the field's position): the name
 * cell clips its content and the list's rows are positioned boxes, so a message inside them
 * would be cut off.
 */
function RenameProblem({ id, anchor, text }: { id: string; anchor: HTMLElement | null; text: string }) {
  const [place, setPlace] = useState<{ left: number; top: number; width: number } | null>(null);
  useLayoutEffect(() => {
    const rect = anchor?.getBoundingClientRect();
    if (rect) setPlace({ left: rect.left, top: rect.bottom + 2, width: Math.max(rect.width, 260) });
  }, [anchor, text]);
  return createPortal(
    <span
      id={id}
      role="alert"
      className="pd-inline-error pd-popover-error"
      data-testid="rename-error"
      style={place ? { left: place.left, top: place.top, maxWidth: place.width } : undefined}
    >
      {text}
    </span>,
    // Inside the app's root (its fonts and theme colours), which has no transform to trap a fixed box.
    anchor?.closest('.pd-app') ?? document.body,
  );
}

/**
 * In-place rename (F2). The name is checked on every keystroke against the service's rules and
 * the message shown under the field; Enter commits (only a valid name reaches the back end),
 * Escape cancels. While the back end answers, the field stays focused (read-only): a refused
 * name leaves the keyboard in the field, so Escape and the list's keys keep working.
 */
export function RenameInput({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const [value, setValue] = useState(entry.name);
  const [problem, setProblem] = useState<InlineProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus();
    const dot = entry.kind === 'file' ? entry.name.lastIndexOf('.') : -1;
    el.setSelectionRange(0, dot > 0 ? dot : entry.name.length);
  }, [entry]);

  const stop = (): void => {
    ui.getState().startRename(null);
    document.querySelector<HTMLElement>('[data-testid="file-grid"]')?.focus();
  };
  async function commit(): Promise<void> {
    if (busy) return;
    const local = nameProblem(checkName(value));
    if (local !== null) return setProblem(local);
    setBusy(true);
    const failure = await actions.rename(entry.id, value);
    setBusy(false);
    if (failure === null) return stop();
    setProblem(failure);
    input.current?.focus();
    input.current?.select();
  }

  const errorId = `rename-error-${entry.id}`;
  return (
    <span
      className="pd-rename"
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <input
        ref={input}
        aria-label={t('list.renameLabel')}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        aria-busy={busy || undefined}
        data-testid="rename-input"
        value={value}
        readOnly={busy}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(nameProblem(checkName(e.target.value)));
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') stop();
        }}
        onBlur={() => {
          // Leaving the field keeps a changed name (if valid) like Enter; an unchanged one, or
          // one already refused, just closes.
          if (busy) return;
          if (value === entry.name || problem !== null) stop();
          else void commit();
        }}
      />
      {problem && <RenameProblem id={errorId} anchor={input.current} text={describeInline(t, problem)} />}
    </span>
  );
}
