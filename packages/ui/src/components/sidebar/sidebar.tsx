import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { FolderTree } from './folder-tree';
import { PlacesList } from './places-list';
import { SyncLink } from '../sync/sync-link';
import { TrashIcon } from '../icons';

export function Sidebar() {
  const { t } = useTranslation();
  const { browser, ui } = useApp();
  const inTrash = useSlice(browser, (s) => s.location.kind === 'trash');
  return (
    <nav className="pd-sidebar" aria-label={t('sidebar.label')}>
      <h2 className="pd-section-title">{t('sidebar.tree')}</h2>
      <FolderTree />
      <button
        type="button"
        className={`pd-link-button pd-trash-link${inTrash ? ' is-current' : ''}`}
        aria-current={inTrash ? 'page' : undefined}
        onClick={() => browser.getState().navigate({ kind: 'trash' })}
      >
        <TrashIcon /> {t('sidebar.trash')}
      </button>
      <button
        type="button"
        className="pd-link-button pd-trash-link"
        data-testid="open-my-shares"
        onClick={() => ui.getState().openDialog({ kind: 'my-shares' })}
      >
        {t('myShares.open')}
      </button>
      <SyncLink />
      <PlacesList />
    </nav>
  );
}
