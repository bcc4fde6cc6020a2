/**
 * JSON persistence for the data dir: every save is a durable atomic write (temp file, fsync,
 * rename, folder fsync), so a crash leaves either the old or the new state, never half a file.
 * Saves are coalesced (many mutations in a burst cause one write); `flush()` writes now.
 */
import { readFileSync } from 'node:fs';
import { writeFileDurablySync } from '@pandesk/durable-file';

export interface JsonFile<T> {
  /** The stored value, or undefined when there is no file yet. */
  load(): T | undefined;
  /** Ask for a save soon; `snapshot` is called when the write happens. */
  scheduleSave(): void;
  /** Write pending changes now (synchronously). */
  flush(): void;
}

/**
 * @param path target file.
 * @param snapshot produces the value to store at write time.
 * @param delayMs coalescing delay for scheduled saves.
 */
export function createJsonFile<T>(path: string, snapshot: () => T, delayMs = 50): JsonFile<T> {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;

  function write(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    writeFileDurablySync(path, JSON.stringify(snapshot()));
  }

  return {
    load() {
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as T;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    scheduleSave() {
      dirty = true;
      if (!timer) {
        timer = setTimeout(write, delayMs);
        timer.unref();
      }
    },
    flush: write,
  };
}
