/**
 * The trash ledger: ids of items PanDesk moved to the recycle bin, persisted per drive in the
 * user-data folder. The service keeps trashed items in their original folder (§5.6), and the
 * bin listing only covers one parent at a time, so items trashed from sub-folders would be
 * invisible without it. The ledger only remembers ids; what they are now (still trashed,
 * restored, gone) is always asked from the service when the bin is listed.
 *
 * Invariants: ids are unique, oldest first, at most {@link MAX_LEDGER_IDS} (the oldest are
 * forgotten first); writes are durable and atomic (@pandesk/durable-file) and run one at a
 * time, so a crash leaves the previous or the new ledger, never half of one.
 */
import { join } from 'node:path';
import type { FileId } from '@pandesk/contract';
import { writeFileDurably } from '@pandesk/durable-file';
import { readJsonFile } from '../cloud/json-file';
import type { LocalFs } from '../ports';

/** Upper bound on remembered ids; refreshing them costs one `infos` call per 100. */
export const MAX_LEDGER_IDS = 5000;

export interface TrashLedger {
  /** The remembered ids, oldest first. */
  ids(): Promise<FileId[]>;
  add(ids: readonly FileId[]): Promise<void>;
  remove(ids: readonly FileId[]): Promise<void>;
}

interface LedgerDocument {
  version: 1;
  ids: FileId[];
}

/** The ids of a ledger document; none when it is missing, unreadable or of another version. */
function parseLedger(json: unknown): FileId[] {
  const doc = json as Partial<LedgerDocument> | undefined;
  if (typeof doc !== 'object' || doc === null) return [];
  if (doc.version !== 1 || !Array.isArray(doc.ids)) return [];
  return doc.ids.filter((id): id is FileId => Number.isSafeInteger(id) && id > 0);
}

/** The ledger file of one drive: `trash-ledger-<account uid>.json` (real drive) or `trash-ledger-demo.json`. */
export function trashLedgerPath(
  userData: string,
  drive: { mode: 'demo' } | { mode: 'real'; uid: number },
): string {
  return join(userData, drive.mode === 'demo' ? 'trash-ledger-demo.json' : `trash-ledger-${drive.uid}.json`);
}

export function createTrashLedger(fs: LocalFs, path: string): TrashLedger {
  let loaded: Promise<FileId[]> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const load = (): Promise<FileId[]> => (loaded ??= readJsonFile(fs, path).then(parseLedger));

  /** Runs one change after the previous one, then persists the result. */
  function change(update: (ids: FileId[]) => FileId[]): Promise<void> {
    const next = queue.then(async () => {
      const before = await load();
      const after = update(before);
      if (after.length === before.length && after.every((id, i) => id === before[i])) return;
      loaded = Promise.resolve(after);
      await writeFileDurably(path, JSON.stringify({ version: 1, ids: after } satisfies LedgerDocument));
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async ids() {
      await queue;
      return [...(await load())];
    },
    add: (ids) =>
      change((current) => {
        const adding = new Set(ids);
        return [...current.filter((id) => !adding.has(id)), ...adding].slice(-MAX_LEDGER_IDS);
      }),
    remove: (ids) =>
      change((current) => {
        const dropping = new Set(ids);
        return current.filter((id) => !dropping.has(id));
      }),
  };
}
