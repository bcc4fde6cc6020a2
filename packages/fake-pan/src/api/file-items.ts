/**
 * The wire shapes of file objects; each endpoint has its own key casing (reference §1.2, §4).
 */
import { formatFileTime, formatV1Time } from '../core/clock';
import type { DriveState, FileNode } from '../core/drive-state';

/** Storage details real items carry; constant here. */
const STORAGE = { punishFlag: 0, s3KeyFlag: 'x-0' } as const;

/** v2 list and infos item (§4.1): `fileId`, `parentFileId`, folders size 0 and etag "". */
export function toListItem(node: FileNode): Record<string, unknown> {
  return {
    fileId: node.id,
    filename: node.name,
    parentFileId: node.parentId,
    type: node.type,
    etag: node.md5,
    size: node.size,
    category: node.category,
    status: node.status,
    ...STORAGE,
    storageNode: node.type === 1 ? 'm0' : 'm16',
    trashed: node.trashed ? 1 : 0,
    createAt: formatFileTime(node.createAt),
    updateAt: formatFileTime(node.updateAt),
  };
}

/** detail (§4.3): `fileID`, `parentFileID`; a folder's size is the total of its contents. */
export function toDetail(state: DriveState, node: FileNode): Record<string, unknown> {
  return {
    fileID: node.id,
    filename: node.name,
    type: node.type,
    size: node.type === 1 ? state.folderSize(node.id) : node.size,
    etag: node.md5,
    status: node.status,
    parentFileID: node.parentId,
    createAt: formatFileTime(node.createAt),
    trashed: node.trashed ? 1 : 0,
  };
}

/** v1 list item (§4.2): `fileID`, "+0800 CST" times, parentName and a few legacy fields. */
export function toV1Item(state: DriveState, node: FileNode): Record<string, unknown> {
  const parent = state.get(node.parentId);
  return {
    fileID: node.id,
    filename: node.name,
    parentFileId: node.parentId,
    parentName: parent?.name ?? '',
    type: node.type,
    etag: node.md5,
    size: node.size,
    contentType: '0',
    category: node.category,
    hidden: false,
    status: node.status,
    ...STORAGE,
    storageNode: node.type === 1 ? 'm0' : 'm16',
    createAt: formatV1Time(node.createAt),
    updateAt: formatV1Time(node.updateAt),
    thumbnail: '',
    downloadUrl: '',
  };
}
