export { createTransferEngine } from './engine';
export { DEFAULT_LIMITS, DEFAULT_TUNING } from './defaults';
export type { TransferEngine, TransferEngineOptions } from './engine';
export type { EngineTuning } from './job-context';
export { DriveError, systemClock } from './ports';
export type {
  Clock,
  CompleteUploadResult,
  CreateUploadRequest,
  CreateUploadResult,
  DriveBackend,
  DriveErrorKind,
  DuplicateMode,
  FetchLike,
  FetchResponse,
  RemoteEntry,
  SliceBytes,
  SlicePayload,
  UploadSession,
  WaitListener,
} from './ports';
export type { LocalFs } from './local-fs';
export { safeLocalName, resolveInside, numberedName } from './util/safe-name';
export { isFsError, mapFsError } from './util/fs-errors';
export type { JournalDatabase, SqlRow, SqlValue } from './journal/shared-database';
