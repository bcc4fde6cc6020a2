/**
 * The sync service of the drive in use, living as long as that drive's transfer engine (its
 * state is in the engine's journal): opened after the engine opens, closed before it closes.
 * Cloud operations go through the session's client (items the sync recycles are added to the
 * app's recycle-bin ledger), local deletions through the OS trash (or the pair's trash
 * folder). Sign-in lost or back is passed on, so pairs wait and catch up.
 */
import { hostname } from 'node:os';
import { ApiException } from '@pandesk/contract';
import type { PanDeskEventHub, SyncPairView } from '@pandesk/contract';
import { RATE_TABLE } from '@pandesk/open-api';
import type { PanClient } from '@pandesk/open-api';
import { createSyncRemote } from '@pandesk/pan-drive';
import { createSyncService, createSystemTrash, openSyncStore } from '@pandesk/sync';
import type { SyncService, Watcher } from '@pandesk/sync';
import type { TransferEngine } from '@pandesk/transfer';

export interface SyncHostOptions {
  client: () => PanClient;
  events: PanDeskEventHub;
  /** Ids the sync moved to the recycle bin (the bin view's ledger). */
  onTrashed: (ids: readonly number[]) => Promise<void>;
  onError: (error: unknown, context: string) => void;
  now?: () => number;
  watch?: Watcher;
}

export interface SyncHost {
  /** The service of the drive in use; `unsupported` while no drive is open. */
  service(): SyncService;
  /** The pairs of the drive in use (none while no drive is open). */
  list(): SyncPairView[];
  open(engine: TransferEngine): void;
  close(): Promise<void>;
  setOnline(online: boolean): void;
}

/** Listing calls per second of the account's tier (v2 list; the free figure when unknown). */
function listRate(client: () => PanClient): number {
  const figure = RATE_TABLE.list_v2;
  const free = figure.free ?? 5;
  try {
    return client().rates.tier() === 'vip' ? (figure.vip ?? free) : free;
  } catch {
    return free;
  }
}

export function createSyncHost(options: SyncHostOptions): SyncHost {
  let current: SyncService | null = null;
  let online = false;
  return {
    service() {
      if (current === null)
        throw new ApiException('unsupported', 'Sync pairs are available once a drive is open.');
      return current;
    },
    list: () => current?.list() ?? [],
    open(engine) {
      const service = createSyncService({
        store: openSyncStore(engine.database()),
        transfers: engine,
        remote: createSyncRemote(options.client, { onTrashed: options.onTrashed }),
        trash: createSystemTrash(),
        host: hostname(),
        now: options.now ?? Date.now,
        listRate: () => listRate(options.client),
        ...(options.watch === undefined ? {} : { watch: options.watch }),
        onChange: (pairs: readonly SyncPairView[]) => options.events.emit('sync:changed', { pairs }),
        onError: options.onError,
      });
      current = service;
      service.setOnline(online);
      service.start();
    },
    async close() {
      const last = current;
      current = null;
      await last?.close();
      options.events.emit('sync:changed', { pairs: [] });
    },
    setOnline(next) {
      online = next;
      current?.setOnline(next);
    },
  };
}
