/**
 * One OS notification per transfer batch the user started in this run of the back end, sent
 * once every item of that batch reached a final state (completed, skipped, cancelled, failed).
 * Only batches passed to `track` are considered, so batches reloaded from the journal never
 * notify; a batch notifies at most once. Snapshots carry only changed items (or `resync`), so
 * the authoritative check pages through the queue, and only when a tracked batch may be done.
 */
import type {
  TransferItem,
  TransferPage,
  TransferPageQuery,
  TransferSnapshot,
  TransferState,
} from '@pandesk/contract';
import type { PlatformHooks } from '../ports';

export interface BatchNotifier {
  /** A batch the user just queued; checks it at once (it may already be finished). */
  track(batchId: string): void;
  onSnapshot(snapshot: TransferSnapshot): void;
}

export type ReadPage = (query: TransferPageQuery) => TransferPage;

/** Items per page read while checking (the engine's maximum). */
const PAGE = 1000;
const ACTIVE: readonly TransferState[] = ['queued', 'running', 'paused'];
const FINAL: readonly TransferState[] = ['completed', 'skipped', 'cancelled', 'failed'];

interface BatchTally {
  direction: TransferItem['direction'];
  files: number;
  failed: number;
  skipped: number;
  cancelled: number;
}

function eachItem(
  read: ReadPage,
  states: readonly TransferState[],
  visit: (item: TransferItem) => boolean,
): void {
  for (let offset = 0; ; offset += PAGE) {
    const page = read({ offset, limit: PAGE, states });
    for (const item of page.items) if (!visit(item)) return;
    if (page.items.length < PAGE || offset + PAGE >= page.total) return;
  }
}

/** The candidates with no item left queued, running or paused. */
function settledOf(read: ReadPage, candidates: ReadonlySet<string>): Set<string> {
  const settled = new Set(candidates);
  eachItem(read, ACTIVE, (item) => {
    settled.delete(item.batchId);
    return settled.size > 0;
  });
  return settled;
}

function tallyOf(read: ReadPage, batches: ReadonlySet<string>): Map<string, BatchTally> {
  const tallies = new Map<string, BatchTally>();
  eachItem(read, FINAL, (item) => {
    if (!batches.has(item.batchId)) return true;
    let t = tallies.get(item.batchId);
    if (t === undefined) {
      t = { direction: item.direction, files: 0, failed: 0, skipped: 0, cancelled: 0 };
      tallies.set(item.batchId, t);
    }
    if (item.state === 'failed') t.failed += 1;
    if (item.kind !== 'file') return true;
    if (item.state === 'completed') t.files += 1;
    if (item.state === 'skipped') t.skipped += 1;
    if (item.state === 'cancelled') t.cancelled += 1;
    return true;
  });
  return tallies;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Plain words, e.g. "Upload finished with 2 failures" / "10 files done, 2 failed." */
export function describeBatch(t: BatchTally): { title: string; body: string } {
  const what = t.direction === 'upload' ? 'Upload' : 'Download';
  const title = t.failed > 0 ? `${what} finished with ${plural(t.failed, 'failure')}` : `${what} finished`;
  const parts = [`${plural(t.files, 'file')} done`];
  if (t.failed > 0) parts.push(`${t.failed} failed`);
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  if (t.cancelled > 0) parts.push(`${t.cancelled} cancelled`);
  return { title, body: `${parts.join(', ')}.` };
}

export function createBatchNotifier(platform: PlatformHooks, read: ReadPage): BatchNotifier {
  /** Tracked batches not yet notified; removed when notified, so each notifies once. */
  const pending = new Set<string>();

  const check = (candidates: ReadonlySet<string>): void => {
    if (candidates.size === 0) return;
    const settled = settledOf(read, candidates);
    if (settled.size === 0) return;
    const tallies = tallyOf(read, settled);
    for (const batchId of settled) {
      pending.delete(batchId);
      const tally = tallies.get(batchId);
      // No item left at all (cleared before we looked): nothing meaningful to say.
      if (tally === undefined) continue;
      const { title, body } = describeBatch(tally);
      platform.notify?.(title, body);
    }
  };

  return {
    track(batchId) {
      pending.add(batchId);
      check(new Set([batchId]));
    },
    onSnapshot(snapshot) {
      if (pending.size === 0) return;
      // Removed ids carry no batch id, so any removal re-checks every pending batch.
      if (snapshot.resync || snapshot.removed.length > 0) return check(new Set(pending));
      const touched = new Set<string>();
      for (const item of snapshot.changed) {
        if (pending.has(item.batchId) && FINAL.includes(item.state)) touched.add(item.batchId);
      }
      check(touched);
    },
  };
}
