/**
 * Atomic JSON persistence for the data dir: every save writes a temp file next to the target
 * and renames it over, so a crash leaves either the old or the new state, never half a file.
 * Saves are coalesced (many mutations in a burst cause one write); `flush()` writes now.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(snapshot()));
    renameSync(temp, path);
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
