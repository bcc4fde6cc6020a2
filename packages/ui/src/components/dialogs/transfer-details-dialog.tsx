import { useTranslation } from 'react-i18next';
import type { TransferItem } from '@pandesk/contract';
import { errorDetails } from '../../actions/errors';
import { useApp } from '../../context';
import { stateText } from '../transfers/transfer-text';
import { Modal } from './modal';

/**
 * The whole story of a transfer that stopped: its name and where it goes, the reason in full
 * (the panel's row has room for only the start of it), and the service's own words.
 */
export function TransferDetailsDialog({ item }: { item: TransferItem }) {
  const { t } = useTranslation();
  const { ui } = useApp();
  const close = (): void => ui.getState().closeDialog();
  const lines = item.error ? errorDetails(t, item.error) : [];
  return (
    <Modal
      title={t('transfers.details', { name: item.name })}
      onClose={close}
      testId="transfer-details-dialog"
      footer={
        <button type="button" className="pd-primary" onClick={close}>
          {t('dialog.close')}
        </button>
      }
    >
      <p className="pd-details-path">{item.localPath}</p>
      <p data-testid="transfer-details-text">{stateText(t, item)}</p>
      {lines.length > 0 && (
        <ul className="pd-details-lines" data-testid="transfer-details-lines">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
