/**
 * A log file per day (`pandesk-YYYY-MM-DD.log`, UTC dates) in the host's log folder. Every
 * line passes through the {@link Redactor} first, so nothing written here can leak a token,
 * a secret or a signed URL. Writes are queued in order and never throw to the caller: a
 * broken log must not break the app.
 */
import { join } from 'node:path';
import type { Clock, LocalFs } from '../ports';
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
  fs: Pick<LocalFs, 'appendFile' | 'mkdir'>;
  clock: Clock;
  redactor: Redactor;
  /** Also receives each redacted line (tests, or a console in development). */
  echo?: (line: string) => void;
}

/** The file name for the UTC day of `epochMs`. */
export function logFileName(epochMs: number): string {
  return `pandesk-${new Date(epochMs).toISOString().slice(0, 10)}.log`;
}

export function createDailyLog(options: DailyLogOptions): Logger {
  let queue: Promise<void> = options.fs.mkdir(options.dir, { recursive: true }).then(
    () => undefined,
    () => undefined,
  );

  function write(level: LogLevel, message: string, detail: unknown): void {
    const now = options.clock.now();
    const text = detail === undefined ? message : `${message} ${describeForLog(detail)}`;
    const line = options.redactor.redact(`${new Date(now).toISOString()} ${level.toUpperCase()} ${text}`);
    options.echo?.(line);
    const file = join(options.dir, logFileName(now));
    queue = queue.then(() => options.fs.appendFile(file, `${line}\n`, 'utf8')).catch(() => undefined);
  }

  return {
    debug: (m, d) => write('debug', m, d),
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
    flush: () => queue,
  };
}
