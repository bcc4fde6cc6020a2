/**
 * What the sync works with: the three states of a pair's tree (the last synced state, the
 * local folder, the cloud folder), each a map from relative path to entry. Paths are relative
 * to the pair's folders, '/'-separated, without a leading slash; the pair's root is ''.
 */
import type { SyncReason } from '@pandesk/contract';

export type EntryKind = 'file' | 'folder';

/** The state both sides agreed on at the last sync of this path. */
export interface BaseEntry {
  readonly path: string;
  readonly kind: EntryKind;
  /** Files: bytes and MD5 of the content both sides held (folders: 0 and null). */
  readonly size: number;
  readonly md5: string | null;
  /** The local item's fingerprint then: modification time (ms) and inode. */
  readonly mtimeMs: number;
  readonly ino: number;
  /** The cloud item's id. */
  readonly remoteId: number;
}

export interface LocalEntry {
  readonly path: string;
  readonly kind: EntryKind;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  /** Lowercase hex MD5; null until hashed (folders: always null). */
  md5: string | null;
}

export interface RemoteItem {
  readonly path: string;
  readonly kind: EntryKind;
  readonly fileId: number;
  readonly parentId: number;
  readonly size: number;
  /** Lowercase hex MD5 ('' for folders). */
  readonly etag: string;
}

export type BaseTree = ReadonlyMap<string, BaseEntry>;
export type LocalTree = ReadonlyMap<string, LocalEntry>;
export type RemoteTree = ReadonlyMap<string, RemoteItem>;

/** An item the scan or the planner left out, and why (English `message` for logs). */
export interface ScanProblem {
  readonly path: string;
  readonly reason: SyncReason;
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The service's own words, when it refused the item. */
  readonly serviceMessage?: string;
}
