/**
 * A log file per day (`pandesk-YYYY-MM-DD.log`, UTC dates) in the host's log folder. Every
 * line passes through the {@link Redactor} first, so nothing written here can leak a token,
 * a secret or a signed URL. Writes are queued in order and never throw to the caller: a
 * broken log must not break the app. The folder stays bounded (see log-retention): old days
 * are deleted at start and whenever a new day begins, and one day's file is capped.
 */
import { join } from 'node:path';
import type { Clock, LocalFs } from '../ports';
import { DEFAULT_LOG_RETENTION, pruneLogs } from './log-retention';
import type { LogRetention } from './log-retention';
import type { Redactor } from './redact';
import { describeForLog } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
  /** Resolves when every line written so far is on disk (or failed). */
  flush(): Promise<void>;
}

export interface DailyLogOptions {
  dir: string;
  fs: Pick<LocalFs, 'appendFile' | 'mkdir' | 'readdir' | 'stat' | 'unlink'>;
  clock: Clock;
  redactor: Redactor;
  /** Also receives each redacted line (tests, or a console in development). */
  echo?: (line: string) => void;
  /** Days and bytes kept (default {@link DEFAULT_LOG_RETENTION}). */
  retention?: Partial<LogRetention>;
}

/** The file name for the UTC day of `epochMs`. */
export function logFileName(epochMs: number): string {
  return `pandesk-${new Date(epochMs).toISOString().slice(0, 10)}.log`;
}

export function createDailyLog(options: DailyLogOptions): Logger {
  const { fs, dir } = options;
  const limits: LogRetention = { ...DEFAULT_LOG_RETENTION, ...options.retention };
  let queue: Promise<void> = fs.mkdir(dir, { recursive: true }).then(
    () => undefined,
    () => undefined,
  );
  /** The file being written, its size, and whether today's cap was reached. */
  let day = { name: '', bytes: 0, capped: false };

  /** First line of a day (or of this run): prune the folder, learn the file's size. */
  async function beginDay(name: string, now: number): Promise<void> {
    day = { name, bytes: 0, capped: false };
    await pruneLogs(fs, dir, now, limits).catch(() => undefined);
    day.bytes = await fs.stat(join(dir, name)).then(
      (s) => s.size,
      () => 0,
    );
    day.capped = day.bytes >= limits.maxDayBytes;
  }

  async function append(now: number, line: string): Promise<void> {
    const name = logFileName(now);
    if (name !== day.name) await beginDay(name, now);
    if (day.capped) return;
    const file = join(dir, name);
    const text = `${line}\n`;
    const size = Buffer.byteLength(text);
    if (day.bytes + size > limits.maxDayBytes) {
      day.capped = true;
      const note = `${new Date(now).toISOString()} WARN this day's log reached ${limits.maxDayBytes} bytes; later lines of the day are not kept\n`;
      await fs.appendFile(file, note, 'utf8');
      return;
    }
    day.bytes += size;
    await fs.appendFile(file, text, 'utf8');
  }

  function write(level: LogLevel, message: string, detail: unknown): void {
    const now = options.clock.now();
    const text = detail === undefined ? message : `${message} ${describeForLog(detail)}`;
    const line = options.redactor.redact(`${new Date(now).toISOString()} ${level.toUpperCase()} ${text}`);
    options.echo?.(line);
    queue = queue.then(() => append(now, line)).catch(() => undefined);
  }

  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    flush: () => queue,
  };
}
