/** A request the sync cannot do as asked: its reason and the values its words need. */
import { SYNC_REASON_CODES } from '@pandesk/contract';
import type { ErrorCode, SyncReason } from '@pandesk/contract';

export class SyncUserError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: SyncReason,
    message: string,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(message);
    this.name = 'SyncUserError';
    this.code = SYNC_REASON_CODES[reason];
  }
}
