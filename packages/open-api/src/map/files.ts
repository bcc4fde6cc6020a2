import type { WireFileDetail, WireFileItem, WireFileItemV1, WireListV2 } from '../wire/files';
import type { ListPage, PanEntry } from '../types';
import { serviceTimeOrZero } from './time';

export function mapFileItem(w: WireFileItem): PanEntry {
  const createdAt = serviceTimeOrZero(w.createAt);
  return {
    id: w.fileId,
    name: w.filename,
    parentId: w.parentFileId,
    kind: w.type === 1 ? 'folder' : 'file',
    size: w.size,
    md5: w.type === 1 ? '' : w.etag.toLowerCase(),
    trashed: w.trashed === 1,
    createdAt,
    updatedAt: serviceTimeOrZero(w.updateAt) || createdAt,
    category: w.category,
    status: w.status,
  };
}

export function mapFileItemV1(w: WireFileItemV1, trashedQuery: boolean): PanEntry {
  const createdAt = serviceTimeOrZero(w.createAt);
  return {
    id: w.fileID,
    name: w.filename,
    parentId: w.parentFileId,
    kind: w.type === 1 ? 'folder' : 'file',
    size: w.size,
    md5: w.type === 1 ? '' : w.etag.toLowerCase(),
    // v1 items carry no trashed field in the docs; the query decides, unless the item says.
    trashed: w.trashed === undefined ? trashedQuery : w.trashed === 1,
    createdAt,
    updatedAt: serviceTimeOrZero(w.updateAt) || createdAt,
    category: w.category,
    status: w.status,
  };
}

export function mapFileDetail(w: WireFileDetail): PanEntry {
  const createdAt = serviceTimeOrZero(w.createAt);
  return {
    id: w.fileID,
    name: w.filename,
    parentId: w.parentFileID,
    kind: w.type === 1 ? 'folder' : 'file',
    size: w.size,
    md5: w.type === 1 ? '' : w.etag.toLowerCase(),
    trashed: w.trashed === 1,
    createdAt,
    updatedAt: createdAt,
    category: 0,
    status: w.status,
  };
}

/** Split a v2 page into live and trashed items; `-1` marks the last page. */
export function mapListPage(w: WireListV2): ListPage {
  const items: PanEntry[] = [];
  const trashed: PanEntry[] = [];
  for (const raw of w.fileList) {
    const entry = mapFileItem(raw);
    (entry.trashed ? trashed : items).push(entry);
  }
  return { items, trashed, nextCursor: w.lastFileId, done: w.lastFileId === -1 };
}
