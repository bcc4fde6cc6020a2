import type { FileId } from './common';

/**
 * Cloud files as the renderer sees them: the app's own shapes, mapped from the service's wire
 * JSON in one place of the back end. Times are milliseconds since the Unix epoch (UTC); the
 * service's zone-less "YYYY-MM-DD HH:mm:ss" strings are China time and are converted there.
 */

export type FileKind = 'file' | 'folder';

/** The service's coarse category (0 unknown, 1 audio, 2 video, 3 image, anything else: other). */
export type FileCategory = 'audio' | 'video' | 'image' | 'other';

/**
 * One item as a listing shows it. Folder listings and search answer live items only; the
 * recycle bin (`files.listTrash`) answers trashed ones.
 */
export interface FileEntry {
  readonly id: FileId;
  readonly name: string;
  readonly parentId: FileId;
  readonly kind: FileKind;
  /** Bytes. Always 0 for folders in listings (the service does not sum them there). */
  readonly size: number;
  /** Lowercase hex MD5 of the content; `null` for folders. */
  readonly md5: string | null;
  readonly category: FileCategory;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds. */
  readonly modifiedAt: number;
  /** Rejected by the service's content review (status > 100); downloading it will likely fail. */
  readonly blocked: boolean;
}

/** What `files.detail` answers: an entry plus facts only the detail call knows. */
export interface FileDetail extends FileEntry {
  /** For a folder, the total size of its contents in bytes, as the service reports it. */
  readonly size: number;
  readonly trashed: boolean;
}

/**
 * One page of a streamed listing. `cursor === null` means the listing is complete. A page may
 * hold fewer items than usual, even none, while more remain (trashed items are filtered out).
 */
export interface FilePage {
  readonly items: readonly FileEntry[];
  readonly cursor: string | null;
}

export interface FolderPage extends FilePage {
  readonly folderId: FileId;
}

/**
 * A page of search results. Only items inside the root folder are answered; `folders` are the
 * folders on the way from the root to each item's parent (the root itself excluded), so the
 * renderer can show where each item is and open its folder.
 */
export interface SearchPage extends FilePage {
  readonly folders: readonly TreeNode[];
}

/** A folder as the tree shows it. */
export interface TreeNode {
  readonly id: FileId;
  readonly name: string;
  readonly parentId: FileId;
}

/** Storage space in bytes. */
export interface Quota {
  readonly usedBytes: number;
  readonly totalBytes: number;
}

export interface CreatedFolder {
  readonly id: FileId;
}

/**
 * Outcome of `files.restore`. Items whose original folder no longer exists cannot go back
 * there; they are listed in `needsTarget` and can be restored again with a `targetFolderId`.
 */
export interface RestoreResult {
  readonly restored: readonly FileId[];
  readonly needsTarget: readonly FileId[];
}

/** Longest search text accepted; the service matches against names, which are at most 255. */
export const MAX_SEARCH_LENGTH = 255;

/*
 * Inputs of the files domain. Their schemas (`server/schemas/files.ts`) are pinned to these
 * types by the input table, so a change here that a schema does not follow fails to compile.
 */

export interface ListFolderInput {
  readonly folderId: FileId;
  /**
   * Ask the service now, past any cached listing (a refresh the user asked for): the answer is
   * current or a failure, never a listing kept from before.
   */
  readonly fresh?: boolean;
}
export interface ListMoreInput {
  readonly folderId: FileId;
  readonly cursor: string;
}
export interface TreeChildrenInput {
  readonly folderId: FileId;
}
export interface DetailInput {
  readonly id: FileId;
}
export interface MkdirInput {
  readonly parentId: FileId;
  readonly name: string;
}
/** The drive root cannot be renamed. */
export interface RenameInput {
  readonly id: FileId;
  readonly name: string;
}
/** Neither the drive root nor a folder into itself. */
export interface MoveInput {
  readonly ids: readonly FileId[];
  readonly targetFolderId: FileId;
}
export interface TrashInput {
  readonly ids: readonly FileId[];
}
/** Omit `cursor` for the first page. */
export interface ListTrashInput {
  readonly cursor?: string;
}
export interface RestoreInput {
  readonly ids: readonly FileId[];
  /** Omitted: back to the original folders. */
  readonly targetFolderId?: FileId;
}
export interface DeleteForeverInput {
  readonly ids: readonly FileId[];
}
export interface SearchInput {
  readonly query: string;
  /** `true`: whole file name must match exactly; default is the service's fuzzy search. */
  readonly exact?: boolean;
  readonly cursor?: string;
}
