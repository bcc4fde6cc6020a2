/**
 * The journal's row shape (camelCase) and its mapping to and from SQLite columns.
 * One place knows the column names; everything else works with JournalItem.
 */
import type {
  ConflictPolicy,
  ErrorReason,
  PauseReason,
  TransferDirection,
  TransferErrorCode,
  TransferKind,
  TransferState,
} from '@pandesk/contract';
import type { SQLiteValue } from 'node-sqlite3-wasm';

/** A journaled item. Mutable inside the engine; snapshots freeze a copy. */
export interface JournalItem {
  id: string;
  seq: number;
  batchId: string;
  parentItemId: string | null;
  /** Unique per parent (local path or remote id) so re-walking a folder enqueues nothing twice. */
  dedupKey: string | null;
  direction: TransferDirection;
  kind: TransferKind;
  name: string;
  localPath: string;
  remoteParentId: number | null;
  remoteFileId: number | null;
  size: number;
  etag: string | null;
  bytesDone: number;
  state: TransferState;
  pauseReason: PauseReason | null;
  errorCode: TransferErrorCode | null;
  errorMessage: string | null;
  errorRetryable: boolean;
  /** The specific cause (the contract's ErrorReason); null for errors journaled before reasons. */
  errorReason: ErrorReason | null;
  /** JSON of the error's params (names, sizes), or null. */
  errorParams: string | null;
  /** JSON of the service's detail (code, words, trace id), or null. */
  errorDetail: string | null;
  conflict: ConflictPolicy;
  priority: number;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  /** Upload: JSON of the pre-upload session and the file identity it was made for. */
  sessionJson: string | null;
  /** Download: the chosen final path, journaled before the atomic rename. */
  finalPath: string | null;
  /** Upload: create may have succeeded before a crash, so check the listing before creating again. */
  createAttempted: boolean;
}

export type ItemPatch = Partial<Omit<JournalItem, 'id' | 'seq'>>;

type Column = readonly [keyof JournalItem, string, 'bool' | 'plain'];

export const COLUMNS: readonly Column[] = [
  ['id', 'id', 'plain'],
  ['seq', 'seq', 'plain'],
  ['batchId', 'batch_id', 'plain'],
  ['parentItemId', 'parent_item_id', 'plain'],
  ['dedupKey', 'dedup_key', 'plain'],
  ['direction', 'direction', 'plain'],
  ['kind', 'kind', 'plain'],
  ['name', 'name', 'plain'],
  ['localPath', 'local_path', 'plain'],
  ['remoteParentId', 'remote_parent_id', 'plain'],
  ['remoteFileId', 'remote_file_id', 'plain'],
  ['size', 'size', 'plain'],
  ['etag', 'etag', 'plain'],
  ['bytesDone', 'bytes_done', 'plain'],
  ['state', 'state', 'plain'],
  ['pauseReason', 'pause_reason', 'plain'],
  ['errorCode', 'error_code', 'plain'],
  ['errorMessage', 'error_message', 'plain'],
  ['errorRetryable', 'error_retryable', 'bool'],
  ['errorReason', 'error_reason', 'plain'],
  ['errorParams', 'error_params', 'plain'],
  ['errorDetail', 'error_detail', 'plain'],
  ['conflict', 'conflict', 'plain'],
  ['priority', 'priority', 'plain'],
  ['createdAt', 'created_at', 'plain'],
  ['updatedAt', 'updated_at', 'plain'],
  ['finishedAt', 'finished_at', 'plain'],
  ['sessionJson', 'session_json', 'plain'],
  ['finalPath', 'final_path', 'plain'],
  ['createAttempted', 'create_attempted', 'bool'],
];

const BY_KEY = new Map(COLUMNS.map((c) => [c[0], c] as const));

export function columnOf(key: keyof JournalItem): string {
  const col = BY_KEY.get(key);
  if (!col) throw new Error(`unknown journal field ${String(key)}`);
  return col[1];
}

export function toSql(key: keyof JournalItem, value: unknown): SQLiteValue {
  if (BY_KEY.get(key)?.[2] === 'bool') return value ? 1 : 0;
  return (value ?? null) as SQLiteValue;
}

/** Row from SQLite → JournalItem (bigint-free: ids and sizes stay below 2^53). */
export function fromRow(row: Record<string, SQLiteValue>): JournalItem {
  const out: Record<string, unknown> = {};
  for (const [key, col, type] of COLUMNS) {
    const v = row[col];
    out[key] = type === 'bool' ? Number(v) === 1 : typeof v === 'bigint' ? Number(v) : (v ?? null);
  }
  return out as unknown as JournalItem;
}
