import { z } from 'zod';
import { cursorSchema, fileIdSchema, fileIdsSchema, ROOT_FOLDER_ID } from './common';
import type { FileId } from './common';
import { nameSchema } from './names';

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

/** Ids of items a mutation may touch: the drive root can never be moved, renamed or trashed. */
const mutableIdsSchema = fileIdsSchema.refine(
  (ids) => !ids.includes(ROOT_FOLDER_ID),
  'must not include the drive root (id 0)',
);

export const listFolderInputSchema = z.strictObject({ folderId: fileIdSchema });
export const listMoreInputSchema = z.strictObject({ folderId: fileIdSchema, cursor: cursorSchema });
export const treeChildrenInputSchema = z.strictObject({ folderId: fileIdSchema });
export const detailInputSchema = z.strictObject({ id: fileIdSchema });
export const mkdirInputSchema = z.strictObject({ parentId: fileIdSchema, name: nameSchema });
export const renameInputSchema = z.strictObject({
  id: fileIdSchema.refine((id) => id !== ROOT_FOLDER_ID, 'the drive root cannot be renamed'),
  name: nameSchema,
});
export const moveInputSchema = z
  .strictObject({ ids: mutableIdsSchema, targetFolderId: fileIdSchema })
  .refine((input) => !input.ids.includes(input.targetFolderId), {
    message: 'a folder cannot be moved into itself',
    path: ['targetFolderId'],
  });
export const trashInputSchema = z.strictObject({ ids: mutableIdsSchema });
export const listTrashInputSchema = z.strictObject({ cursor: cursorSchema.optional() });
export const restoreInputSchema = z.strictObject({
  ids: mutableIdsSchema,
  targetFolderId: fileIdSchema.optional(),
});
export const deleteForeverInputSchema = z.strictObject({ ids: mutableIdsSchema });

/** Longest search text accepted; the service matches against names, which are at most 255. */
export const MAX_SEARCH_LENGTH = 255;

export const searchInputSchema = z.strictObject({
  query: z
    .string()
    .max(MAX_SEARCH_LENGTH, `must have at most ${MAX_SEARCH_LENGTH} characters`)
    .refine((q) => q.trim().length > 0, 'must contain something to search for'),
  /** `true`: whole file name must match exactly; default is the service's fuzzy search. */
  exact: z.boolean().optional(),
  cursor: cursorSchema.optional(),
});

export type ListFolderInput = z.infer<typeof listFolderInputSchema>;
export type ListMoreInput = z.infer<typeof listMoreInputSchema>;
export type TreeChildrenInput = z.infer<typeof treeChildrenInputSchema>;
export type DetailInput = z.infer<typeof detailInputSchema>;
export type MkdirInput = z.infer<typeof mkdirInputSchema>;
export type RenameInput = z.infer<typeof renameInputSchema>;
export type MoveInput = z.infer<typeof moveInputSchema>;
export type TrashInput = z.infer<typeof trashInputSchema>;
export type ListTrashInput = z.infer<typeof listTrashInputSchema>;
export type RestoreInput = z.infer<typeof restoreInputSchema>;
export type DeleteForeverInput = z.infer<typeof deleteForeverInputSchema>;
export type SearchInput = z.infer<typeof searchInputSchema>;
