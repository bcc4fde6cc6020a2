/**
 * The sync's ways out: the cloud's operations the transfer engine does not have (listing with
 * ids, folders, moves, renames, the recycle bin), the engine itself for every byte moved, and
 * the local trash. The back end implements SyncRemote on the open-api client.
 */
import type {
  DownloadCommand,
  ErrorFacts,
  TransferItem,
  TransferSnapshot,
  UploadCommand,
} from '@pandesk/contract';
import type { JournalDatabase } from '@pandesk/transfer';
import type { EntryKind } from './model';

export interface RemoteChild {
  readonly fileId: number;
  readonly name: string;
  readonly kind: EntryKind;
  readonly size: number;
  /** Lowercase hex MD5 ('' for folders). */
  readonly etag: string;
}

/** Where a cloud item is now, for checks after a crash (absent from `info` when gone for good). */
export interface RemoteWhere {
  readonly fileId: number;
  readonly name: string;
  readonly parentId: number;
  readonly kind: EntryKind;
  readonly trashed: boolean;
  readonly size: number;
  readonly etag: string;
}

export interface SyncRemote {
  /** Live children of a folder, page by page (each page is one listing call). */
  list(folderId: number, signal: AbortSignal): AsyncIterable<readonly RemoteChild[]>;
  /** The id of the child folder `name` of `parentId`, created when missing. */
  ensureFolder(parentId: number, name: string, signal: AbortSignal): Promise<number>;
  rename(fileId: number, name: string, signal: AbortSignal): Promise<void>;
  move(fileIds: readonly number[], toParentId: number, signal: AbortSignal): Promise<void>;
  /** To the recycle bin (never deleted for good). */
  trash(fileIds: readonly number[], signal: AbortSignal): Promise<void>;
  info(fileIds: readonly number[], signal: AbortSignal): Promise<readonly RemoteWhere[]>;
}

/** The part of the transfer engine the sync uses. */
export interface SyncTransfers {
  upload(command: UploadCommand): Promise<string>;
  download(command: DownloadCommand): Promise<string>;
  batchItems(batchId: string): TransferItem[];
  onSnapshot(listener: (snapshot: TransferSnapshot) => void): () => void;
  rememberHash(path: string, size: number, mtimeMs: number, md5: string): void;
  database(): JournalDatabase;
}

/** Moves a local file or folder to the trash; never deletes it. */
export interface LocalTrash {
  trash(absolutePath: string, pairRoot: string): Promise<void>;
}

/**
 * How a failure should be taken: `auth` and `network` stop the run and wait for them to come
 * back; anything else fails the one action (with words for the user).
 */
export type RemoteFailureKind = 'auth' | 'network' | 'not_found' | 'name_conflict' | 'other';

export class SyncRemoteError extends Error {
  constructor(
    readonly kind: RemoteFailureKind,
    message: string,
    /** The cause as the client named it (reason, params, the service's words), for the user. */
    readonly facts: ErrorFacts = {},
  ) {
    super(message);
    this.name = 'SyncRemoteError';
  }
}
