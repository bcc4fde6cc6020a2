/**
 * Small trees for planner tests: contents are strings (size and MD5 follow from them),
 * inodes and cloud ids are given, modification times default to 1000.
 */
import { createHash } from 'node:crypto';
import type { BaseEntry, LocalEntry, RemoteItem } from '../model';
import { parentOf } from '../paths';

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

export function baseFile(
  path: string,
  content: string,
  ino: number,
  remoteId: number,
  mtimeMs = 1000,
): BaseEntry {
  return { path, kind: 'file', size: content.length, md5: md5(content), mtimeMs, ino, remoteId };
}

export function baseFolder(path: string, ino: number, remoteId: number): BaseEntry {
  return { path, kind: 'folder', size: 0, md5: null, mtimeMs: 1, ino, remoteId };
}

export function localFile(path: string, content: string, ino: number, mtimeMs = 1000): LocalEntry {
  return { path, kind: 'file', size: content.length, mtimeMs, ino, md5: md5(content) };
}

export function localFolder(path: string, ino: number): LocalEntry {
  return { path, kind: 'folder', size: 0, mtimeMs: 1, ino, md5: null };
}

/** A cloud item; its parent id is looked up by path among `folders` (root: 1). */
export function remoteFile(path: string, content: string, fileId: number, parentId = 1): RemoteItem {
  return { path, kind: 'file', fileId, parentId, size: content.length, etag: md5(content) };
}

export function remoteFolder(path: string, fileId: number, parentId = 1): RemoteItem {
  return { path, kind: 'folder', fileId, parentId, size: 0, etag: '' };
}

export function tree<T extends { path: string }>(...items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.path, i]));
}

/** Sets each cloud item's parent id from the folder at its parent path (root: `rootId`). */
export function linkParents(items: RemoteItem[], rootId = 1): Map<string, RemoteItem> {
  const ids = new Map(items.filter((i) => i.kind === 'folder').map((i) => [i.path, i.fileId]));
  return tree(...items.map((i) => ({ ...i, parentId: ids.get(parentOf(i.path)) ?? rootId })));
}
