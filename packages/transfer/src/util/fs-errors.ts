/**
 * Local file-system failures in words. The item fails with one of these; partial data stays
 * for a later retry and nothing else in the queue is affected.
 */
import type { TransferError } from '@pandesk/contract';

const BY_CODE: Record<string, Omit<TransferError, 'retryable'>> = {
  ENOSPC: {
    code: 'disk_full',
    reason: 'local_disk_full',
    message: 'The disk is full. Free some space, then retry.',
  },
  EDQUOT: {
    code: 'disk_full',
    reason: 'local_disk_full',
    message: 'The disk quota is used up. Free some space, then retry.',
  },
  EACCES: {
    code: 'permission_denied',
    reason: 'local_permission_denied',
    message: 'Permission denied: the folder or file cannot be written or read.',
  },
  EPERM: {
    code: 'permission_denied',
    reason: 'local_permission_denied',
    message: 'The operation is not permitted on this file or folder.',
  },
  EROFS: {
    code: 'read_only',
    reason: 'local_read_only',
    message: 'The destination is on a read-only file system.',
  },
  ENOENT: { code: 'io', reason: 'local_missing', message: 'The local file or folder no longer exists.' },
  ENOTDIR: { code: 'io', reason: 'local_not_a_folder', message: 'A part of the path is not a folder.' },
  EISDIR: { code: 'io', reason: 'local_is_a_folder', message: 'Expected a file but found a folder.' },
  EMFILE: {
    code: 'io',
    reason: 'local_too_many_open_files',
    message: 'Too many open files; retry in a moment.',
  },
  ENOTREG: {
    code: 'io',
    reason: 'local_not_regular_file',
    message: 'Only regular files can be transferred; this is a device, pipe, socket or other special file.',
  },
};

/** A path that is not a regular file (FIFO, device, socket ...): never read, never waited on. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor() {
    super('not a regular file');
    this.name = 'NotRegularFileError';
  }
}

export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isFsError(error: unknown): boolean {
  const code = fsErrorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}

/** Maps an fs error to a TransferError; unknown codes become a generic I/O error with the code. */
export function mapFsError(error: unknown): TransferError {
  const code = fsErrorCode(error) ?? 'EIO';
  const known = BY_CODE[code];
  const path = (error as { path?: unknown } | null)?.path;
  const params = typeof path === 'string' ? { params: { path } } : {};
  if (known) return { ...known, ...params, retryable: true };
  return {
    code: 'io',
    reason: 'local_io_error',
    message: `Local file error (${code}).`,
    params: { code, ...(typeof path === 'string' ? { path } : {}) },
    retryable: true,
  };
}
