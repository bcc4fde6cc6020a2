import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileId } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import type { KnownFolder } from '../../stores/browser-store';

/** Root-to-here chain of folders; stops at an unknown folder (shown as its id). */
export function folderPath(
  known: ReadonlyMap<FileId, KnownFolder>,
  rootId: FileId,
  folderId: FileId,
): { id: FileId; name: string | null }[] {
  const out: { id: FileId; name: string | null }[] = [];
  const seen = new Set<FileId>();
  for (
    let id: FileId | undefined = folderId;
    id !== undefined && id !== rootId && !seen.has(id);
    id = known.get(id)?.parentId
  ) {
    seen.add(id);
    out.unshift({ id, name: known.get(id)?.name ?? null });
    if (!known.has(id)) break;
  }
  return [{ id: rootId, name: null }, ...out];
}

/**
 * Enter searches; emptying the box or Escape leaves the results for where the user was (Escape
 * on an empty box gives the keyboard back to the list).
 */
function SearchBox() {
  const { t } = useTranslation();
  const { browser } = useApp();
  const [query, setQuery] = useState('');
  const searching = useSlice(browser, (s) => s.location.kind === 'search');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (query.trim()) browser.getState().navigate({ kind: 'search', query: query.trim() });
  };
  return (
    <form role="search" className="pd-search" onSubmit={submit}>
      <input
        type="search"
        data-testid="search-input"
        aria-label={t('toolbar.search')}
        placeholder={t('toolbar.searchPlaceholder')}
        value={query}
        maxLength={255}
        onChange={(e) => {
          setQuery(e.target.value);
          if (e.target.value === '' && searching) browser.getState().closeSearch();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          const wasEmpty = query === '';
          setQuery('');
          if (searching) browser.getState().closeSearch();
          if (wasEmpty || !searching)
            document.querySelector<HTMLElement>('[data-testid="file-grid"]')?.focus();
        }}
      />
    </form>
  );
}

/** Back / forward / up, breadcrumbs and the search box. */
export function NavBar() {
  const { t } = useTranslation();
  const { browser } = useApp();
  const location = useSlice(browser, (s) => s.location);
  const known = useSlice(browser, (s) => s.known);
  const rootId = useSlice(browser, (s) => s.rootId);
  const rootName = useSlice(browser, (s) => s.rootName);
  const canBack = useSlice(browser, (s) => s.back.length > 0);
  const canForward = useSlice(browser, (s) => s.forward.length > 0);
  const atRoot = location.kind === 'folder' && location.folderId === rootId;
  const crumbs =
    location.kind === 'folder' ? folderPath(known, rootId, location.folderId) : [{ id: rootId, name: null }];
  const go = (folderId: FileId): void => browser.getState().navigate({ kind: 'folder', folderId });
  return (
    <div className="pd-navbar">
      <button
        type="button"
        className="pd-icon-button"
        aria-label={t('nav.back')}
        title={t('nav.back')}
        disabled={!canBack}
        onClick={() => browser.getState().goBack()}
      >
        ←
      </button>
      <button
        type="button"
        className="pd-icon-button"
        aria-label={t('nav.forward')}
        title={t('nav.forward')}
        disabled={!canForward}
        onClick={() => browser.getState().goForward()}
      >
        →
      </button>
      <button
        type="button"
        className="pd-icon-button"
        aria-label={t('nav.up')}
        title={t('nav.up')}
        disabled={atRoot}
        onClick={() => browser.getState().goUp()}
      >
        ↑
      </button>
      <nav aria-label={t('nav.breadcrumbs')} className="pd-breadcrumbs">
        <ol>
          {crumbs.map((c, i) => {
            const last = i === crumbs.length - 1 && location.kind === 'folder';
            return (
              <li key={c.id}>
                <button
                  type="button"
                  className="pd-crumb"
                  aria-current={last ? 'page' : undefined}
                  onClick={() => go(c.id)}
                >
                  {c.name ?? (c.id === rootId ? (rootName ?? t('app.rootName')) : `#${c.id}`)}
                </button>
              </li>
            );
          })}
          {location.kind === 'trash' && <li aria-current="page">{t('sidebar.trash')}</li>}
          {location.kind === 'search' && (
            <li aria-current="page">{t('nav.searchResults', { query: location.query })}</li>
          )}
        </ol>
      </nav>
      <SearchBox />
    </div>
  );
}
