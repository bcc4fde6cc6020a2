import { useApp, useSlice } from '../../context';
import { ConfirmDialog } from './confirm-dialog';
import { CloudDownloadDialog } from './cloud-download-dialog';
import { ConflictDialog } from './conflict-dialog';
import { MoveDialog } from './move-dialog';
import { MySharesDialog } from './my-shares-dialog';
import { NewFolderDialog } from './name-dialog';
import { PathDialog } from './path-dialog';
import { PropertiesDialog } from './properties-dialog';
import { SettingsDialog } from './settings-dialog';
import { TransferDetailsDialog } from './transfer-details-dialog';
import { ShareDialog } from './share-dialog';

/** The one open dialog, if any. */
export function Dialogs() {
  const { ui } = useApp();
  const dialog = useSlice(ui, (s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'settings':
      return <SettingsDialog />;
    case 'new-folder':
      return <NewFolderDialog />;
    case 'move':
      return <MoveDialog ids={dialog.ids} restore={dialog.restore === true} />;
    case 'save-to':
      return <PathDialog purpose="save-to" entries={dialog.entries} />;
    case 'add-place':
      return <PathDialog purpose="add-place" />;
    case 'confirm-trash':
      return <ConfirmDialog entries={dialog.entries} forever={false} />;
    case 'confirm-delete-forever':
      return <ConfirmDialog entries={dialog.entries} forever />;
    case 'conflict':
      return <ConflictDialog request={dialog.request} />;
    case 'transfer-details':
      return <TransferDetailsDialog item={dialog.item} />;
    case 'share':
      return <ShareDialog entries={dialog.entries} />;
    case 'my-shares':
      return <MySharesDialog />;
    case 'cloud-download':
      return <CloudDownloadDialog folderId={dialog.folderId} />;
    case 'properties':
      return <PropertiesDialog entries={dialog.entries} />;
  }
}
