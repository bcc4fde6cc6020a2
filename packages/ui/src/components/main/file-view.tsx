import { useApp, useSlice } from '../../context';
import { FileGrid } from './file-grid';
import { FileList } from './file-list';

/** The folder's contents as the `viewMode` setting says: the list, or the grid of tiles. */
export function FileView() {
  const { session } = useApp();
  const grid = useSlice(session, (s) => s.settings?.viewMode === 'grid');
  return grid ? <FileGrid /> : <FileList />;
}
