import type { CSSProperties } from 'react';
import type { FileEntry, ThumbnailSize } from '@pandesk/contract';
import { useTranslation } from 'react-i18next';
import { fileTypeOf } from '../../lib/file-types';
import { FileTypeIcon } from '../file-type-icon';
import { useEntryHandlers } from './entry-handlers';
import { RenameInput } from './rename-input';
import { useThumbnail } from './use-thumbnail';

/** A tile of the grid view: its size, and the square its thumbnail or icon fills (CSS px). */
export const TILE_WIDTH = 120;
export const TILE_HEIGHT = 136;
export const TILE_PICTURE = 96;

interface FileTileProps {
  entry: FileEntry;
  selected: boolean;
  focused: boolean;
  renaming: boolean;
  thumbnailPx: ThumbnailSize;
  style: CSSProperties;
}

/** One item of the grid view: thumbnail (images) or type icon, and the name below. */
export function FileTile({ entry, selected, focused, renaming, thumbnailPx, style }: FileTileProps) {
  const { t } = useTranslation();
  const handlers = useEntryHandlers(entry, renaming);
  const thumbnail = useThumbnail(entry, thumbnailPx);
  return (
    <div
      role="gridcell"
      id={`file-row-${entry.id}`}
      data-testid="file-tile"
      data-id={entry.id}
      aria-selected={selected}
      className={`pd-tile${selected ? ' is-selected' : ''}${focused ? ' is-focused' : ''}${handlers.dropOver ? ' is-drop-target' : ''}`}
      style={style}
      {...handlers.props}
    >
      <span className="pd-tile-picture" style={{ width: TILE_PICTURE, height: TILE_PICTURE }}>
        {thumbnail === null ? (
          <FileTypeIcon type={fileTypeOf(entry)} />
        ) : (
          <img src={thumbnail} alt="" draggable={false} data-testid="file-thumbnail" />
        )}
      </span>
      {renaming ? (
        <RenameInput entry={entry} />
      ) : (
        <span className="pd-tile-name pd-name" title={entry.name}>
          {entry.name}
        </span>
      )}
      {entry.blocked && <span className="pd-badge">{t('list.blocked')}</span>}
    </div>
  );
}
