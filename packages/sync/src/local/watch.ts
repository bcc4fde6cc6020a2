/**
 * Watches a pair's local folder (chokidar) and reports the changed paths, relative, once
 * changes have settled for `debounceMs`. The sync's own folders at the root are not watched.
 * A watcher can miss changes (full disks, network drives, too many folders for the OS limit);
 * the pair's periodic full scan catches those.
 */
import { watch } from 'chokidar';
import { fromLocal, isReserved } from '../paths';

export type StopWatching = () => Promise<void>;

export interface WatchOptions {
  readonly debounceMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Called once the first walk of the folder is done (changes from then on are seen). */
  readonly onReady?: () => void;
}

export type Watcher = (
  root: string,
  onChange: (paths: string[]) => void,
  options?: WatchOptions,
) => StopWatching;

export const watchFolder: Watcher = (root, onChange, options = {}) => {
  const debounceMs = options.debounceMs ?? 3000;
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path: string) => {
      const rel = fromLocal(root, path);
      return rel !== undefined && rel !== '' && isReserved(rel);
    },
  });
  watcher.on('all', (_event: string, path: string) => {
    const rel = fromLocal(root, path);
    if (rel === undefined || rel === '') return;
    changed.add(rel);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...changed];
      changed.clear();
      onChange(paths);
    }, debounceMs);
  });
  watcher.on('error', (error: unknown) => options.onError?.(error));
  watcher.on('ready', () => options.onReady?.());
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
};
