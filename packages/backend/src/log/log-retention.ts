/**
 * Bounds the log folder: daily files older than `maxDays` go, then the oldest ones until all
 * together fit in `maxBytes` (today's file always stays; `maxDayBytes` bounds it while it is
 * written). Only this app's own `pandesk-YYYY-MM-DD.log` files are ever touched.
 */
import { join } from 'node:path';
import type { LocalFs } from '../ports';

export interface LogRetention {
  /** Days of logs kept, today included. */
  readonly maxDays: number;
  /** All daily files together, bytes. */
  readonly maxBytes: number;
  /** One day's file, bytes: later lines of that day are dropped (one line says so). */
  readonly maxDayBytes: number;
}

export const DEFAULT_LOG_RETENTION: LogRetention = {
  maxDays: 14,
  maxBytes: 50 * 1024 * 1024,
  maxDayBytes: 10 * 1024 * 1024,
};

const DAILY_FILE = /^pandesk-(\d{4}-\d{2}-\d{2})\.log$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionFs = Pick<LocalFs, 'readdir' | 'stat' | 'unlink'>;

interface DailyFile {
  readonly name: string;
  /** Epoch ms of the file's UTC day. */
  readonly day: number;
}

function dailyFiles(names: readonly string[]): DailyFile[] {
  const files: DailyFile[] = [];
  for (const name of names) {
    const match = DAILY_FILE.exec(name);
    const day = match === null ? Number.NaN : Date.parse(`${match[1]}T00:00:00Z`);
    if (!Number.isNaN(day)) files.push({ name, day });
  }
  return files.sort((a, b) => b.day - a.day);
}

/** Deletes what is beyond the limits as of `nowMs`; answers the names it deleted. */
export async function pruneLogs(
  fs: RetentionFs,
  dir: string,
  nowMs: number,
  limits: LogRetention = DEFAULT_LOG_RETENTION,
): Promise<string[]> {
  const today = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const files = dailyFiles(await fs.readdir(dir));
  const doomed: string[] = [];
  let total = 0;
  for (const file of files) {
    if (today - file.day >= limits.maxDays * DAY_MS) {
      doomed.push(file.name);
      continue;
    }
    total += await fs.stat(join(dir, file.name)).then(
      (s) => s.size,
      () => 0,
    );
    // Today's file (or one dated ahead after a clock change) counts but always stays.
    if (total > limits.maxBytes && file.day < today) doomed.push(file.name);
  }
  const deleted: string[] = [];
  for (const name of doomed) {
    const gone = await fs.unlink(join(dir, name)).then(
      () => true,
      () => false,
    );
    if (gone) deleted.push(name);
  }
  return deleted;
}
