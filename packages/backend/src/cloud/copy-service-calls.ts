/**
 * The service calls one copy step makes: copy items into a folder (one file synchronously,
 * anything else as async tasks of up to 3000 ids, followed until done), and the staging folder's
 * life (made, emptied into the target, then removed for good).
 */
import { randomBytes } from 'node:crypto';
import type { CopyTaskState, PanClient, PanEntry } from '@pandesk/open-api';
import { MAX_ASYNC_COPY_IDS, isPanError } from '@pandesk/open-api';
import { cloudError } from './cloud-errors';

/** The service's numbers for async copy states (§5.5), kept for diagnostics. */
const COPY_STATUS: Record<CopyTaskState, number> = { pending: 0, running: 1, done: 2, failed: 3 };
/** Longest wait for one async copy task. */
const MAX_COPY_WAIT_MS = 6 * 3600_000;

export interface CopyCallsOptions {
  client: PanClient;
  signal: AbortSignal;
  /** Pause between status reads of an async copy, ms. */
  pollMs: number;
  /** Told the service's status number of the async task being followed. */
  onStatus: (status: number) => void;
}

/** Copies `items` into `folderId`; throws when the service refuses or reports the task failed. */
export async function copyInto(
  items: readonly PanEntry[],
  folderId: number,
  o: CopyCallsOptions,
): Promise<void> {
  const only = items[0];
  if (items.length === 1 && only !== undefined && only.kind === 'file') {
    try {
      await o.client.files.copy(only.id, folderId, { signal: o.signal });
      return;
    } catch (error) {
      // One SDK says the single copy may answer 404 (§5.5): the async copy does the same job.
      if (!isPanError(error) || error.httpStatus !== 404) throw error;
    }
  }
  for (let start = 0; start < items.length; start += MAX_ASYNC_COPY_IDS) {
    const ids = items.slice(start, start + MAX_ASYNC_COPY_IDS).map((e) => e.id);
    const taskId = await o.client.files.copyMany(ids, folderId, { signal: o.signal });
    try {
      await o.client.files.waitForCopy(taskId, {
        signal: o.signal,
        intervalMs: o.pollMs,
        budget: Math.ceil(MAX_COPY_WAIT_MS / o.pollMs),
        onStatus: (s) => o.onStatus(COPY_STATUS[s]),
      });
    } catch (error) {
      if (isPanError(error) && error.code === 'service') throw cloudError('copy_failed');
      if (isPanError(error) && error.code === 'timeout')
        throw cloudError('poll_gave_up', { hours: MAX_COPY_WAIT_MS / 3600_000 });
      throw error;
    }
  }
}

/** A new, uniquely named folder inside the target, to copy clashing items into. */
export async function makeStagingFolder(
  client: PanClient,
  targetId: number,
  signal: AbortSignal,
): Promise<number> {
  const name = `.pandesk-copy-${randomBytes(6).toString('hex')}`;
  return client.files.mkdir(targetId, name, { signal });
}

/** Removes an emptied staging folder for good (to the bin, then out of it). */
export async function removeStagingFolder(client: PanClient, id: number): Promise<void> {
  await client.files.trash([id]);
  await client.files.deleteForever([id]);
}
