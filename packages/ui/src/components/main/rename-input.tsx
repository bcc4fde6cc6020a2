import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkName } from '@pandesk/contract';
import type { FileEntry } from '@pandesk/contract';
import { useApp } from '../../context';
import { describeNameProblem } from '../../actions/errors';

/**
 * In-place rename (F2). The name is checked on every keystroke against the service's rules and
 * the message shown inline; Enter commits (only a valid name reaches the back end), Escape cancels.
 */
export function RenameInput({ entry }: { entry: FileEntry }) {
  const { t } = useTranslation();
  const { ui, actions } = useApp();
  const [value, setValue] = useState(entry.name);
  const [error, setError] = useState<string | null>(null);
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
    const problem = describeNameProblem(t, checkName(value));
    if (problem !== null) return setError(problem);
    setBusy(true);
    const failure = await actions.rename(entry.id, value);
    setBusy(false);
    if (failure === null) stop();
    else setError(failure);
  }

  return (
    <span
      className="pd-rename"
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
    >
      <input
        ref={input}
        aria-label={t('list.renameLabel')}
        aria-invalid={error !== null}
        aria-describedby={error ? `rename-error-${entry.id}` : undefined}
        data-testid="rename-input"
        value={value}
        disabled={busy}
        onChange={(e) => {
          setValue(e.target.value);
          setError(describeNameProblem(t, checkName(e.target.value)));
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') stop();
        }}
        onBlur={() => {
          // Leaving the field keeps a changed name (if valid) like Enter; an unchanged one just closes.
          if (value === entry.name) stop();
          else void commit();
        }}
      />
      {error && (
        <span
          id={`rename-error-${entry.id}`}
          role="alert"
          className="pd-inline-error"
          data-testid="rename-error"
        >
          {error}
        </span>
      )}
    </span>
  );
}
