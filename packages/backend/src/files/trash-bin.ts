/**
 * The recycle bin view: what the service lists as trashed under the root, merged with the
 * items PanDesk trashed anywhere else (the {@link TrashLedger}). Listing the bin refreshes the
 * ledger with `infos`: ids no longer trashed (restored elsewhere) or gone (deleted, 5066) are
 * dropped. Items another client trashed outside the root are not known here and not shown.
 *
 * Paging: the first page carries the ledger's items that live outside the root, then the
 * root listing's first page; later pages continue the root listing (1-based `t.` cursors),
 * leaving out what the first page already showed.
 */
import type { FileEntry, FileId, FilePage } from '@pandesk/contract';
import type { PanClient, PanEntry } from '@pandesk/open-api';
import { isPanError } from '@pandesk/open-api';
import type { Logger } from '../log/daily-log';
import { encodeCursor } from './cursor';
import { toFileEntry } from './map-entry';
import type { TrashLedger } from './trash-ledger';

/** Ids per `infos` call (the reference advises at most 100). */
const INFOS_BATCH = 100;

export interface TrashBinOptions {
  client: () => PanClient;
  /** The ledger of the drive (and account) in use now. */
  ledger: () => Promise<TrashLedger>;
  logger: Logger;
}

export interface TrashBin {
  page(page: number): Promise<FilePage>;
  /** Items were trashed: remember them (a ledger failure is logged, the trash stands). */
  trashed(ids: readonly FileId[]): Promise<void>;
  /** Items left the bin (restored or deleted for good). */
  left(ids: readonly FileId[]): Promise<void>;
}

const isNotFound = (error: unknown): boolean => isPanError(error) && error.code === 'not_found';

/** What the service knows of these ids; unknown ids (5066, or left out of the answer) are absent. */
async function lookUp(client: PanClient, ids: readonly FileId[]): Promise<PanEntry[]> {
  const found: PanEntry[] = [];
  for (let i = 0; i < ids.length; i += INFOS_BATCH) {
    const batch = ids.slice(i, i + INFOS_BATCH);
    try {
      found.push(...(await client.files.infos(batch)));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      // A batch with an unknown id may be refused whole: ask one by one to keep the rest.
      if (batch.length > 1) found.push(...(await lookUpEach(client, batch)));
    }
  }
  return found;
}

async function lookUpEach(client: PanClient, ids: readonly FileId[]): Promise<PanEntry[]> {
  const found: PanEntry[] = [];
  for (const id of ids) {
    try {
      found.push(...(await client.files.infos([id])));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return found;
}

export function createTrashBin(options: TrashBinOptions): TrashBin {
  /** Ids the last first page showed from the ledger (outside the root), left out of later pages. */
  let shownFromLedger = new Set<FileId>();

  /** The ledger's items still in the bin; the rest are forgotten. */
  async function refreshLedger(): Promise<PanEntry[]> {
    const ledger = await options.ledger();
    const ids = await ledger.ids();
    if (ids.length === 0) return [];
    const still = (await lookUp(options.client(), ids)).filter((e) => e.trashed);
    const keep = new Set(still.map((e) => e.id));
    await ledger.remove(ids.filter((id) => !keep.has(id)));
    return still;
  }

  async function rootPage(page: number): Promise<{ items: FileEntry[]; done: boolean }> {
    for await (const found of options.client().files.listTrash({ startPage: page })) {
      return { items: found.items.map(toFileEntry), done: found.done };
    }
    return { items: [], done: true };
  }

  const nextCursor = (page: number, done: boolean): string | null =>
    done ? null : encodeCursor({ kind: 'trash', page: page + 1 });

  async function safely(work: () => Promise<void>, what: string): Promise<void> {
    try {
      await work();
    } catch (error) {
      options.logger.warn(`could not update the trash ledger (${what})`, error);
    }
  }

  return {
    async page(page) {
      if (page > 1) {
        const root = await rootPage(page);
        return {
          items: root.items.filter((e) => !shownFromLedger.has(e.id)),
          cursor: nextCursor(page, root.done),
        };
      }
      const fromLedger = await refreshLedger();
      const root = await rootPage(1);
      const inRoot = new Set(root.items.map((e) => e.id));
      const extra = fromLedger.filter((e) => e.parentId !== 0 && !inRoot.has(e.id)).map(toFileEntry);
      shownFromLedger = new Set(extra.map((e) => e.id));
      return { items: [...extra, ...root.items], cursor: nextCursor(1, root.done) };
    },
    trashed: (ids) => safely(async () => (await options.ledger()).add(ids), 'trash'),
    left: (ids) => safely(async () => (await options.ledger()).remove(ids), 'restore or delete'),
  };
}
