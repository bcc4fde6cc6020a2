/**
 * Records with ascending numeric ids kept in one JSON file of the data dir (shares, offline
 * download tasks, async copy tasks). Saves are coalesced and atomic (`core/json-file.ts`);
 * `flush()` writes pending changes now (called on close).
 */
import { join } from 'node:path';
import { createJsonFile } from '../core/json-file';

export interface RecordStore<T> {
  /** A fresh id, larger than every id handed out before (restarts included). */
  nextId(): number;
  get(id: number): T | undefined;
  put(id: number, record: T): void;
  /** Records by ascending id. */
  values(): T[];
  /** Ids by ascending order. */
  ids(): number[];
  /** Call after changing a record in place: persists soon. */
  changed(): void;
  flush(): void;
}

interface Snapshot<T> {
  nextId: number;
  records: Array<[number, T]>;
}

/**
 * @param dataDir folder holding the file.
 * @param fileName e.g. `shares.json`.
 * @param firstId first id handed out on a new drive.
 */
export function createRecordStore<T>(dataDir: string, fileName: string, firstId: number): RecordStore<T> {
  const records = new Map<number, T>();
  let next = firstId;
  const file = createJsonFile<Snapshot<T>>(join(dataDir, fileName), () => ({
    nextId: next,
    records: [...records.entries()],
  }));
  const loaded = file.load();
  if (loaded) {
    next = loaded.nextId;
    for (const [id, record] of loaded.records) records.set(id, record);
  }
  const ids = (): number[] => [...records.keys()].sort((a, b) => a - b);
  return {
    nextId: () => next++,
    get: (id) => records.get(id),
    put(id, record) {
      records.set(id, record);
      file.scheduleSave();
    },
    values: () => ids().map((id) => records.get(id) as T),
    ids,
    changed: () => file.scheduleSave(),
    flush: () => file.flush(),
  };
}
