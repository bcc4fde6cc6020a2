/**
 * Durable atomic writes for small documents (settings, secrets files, ledgers, an emulator's
 * state): the bytes go to a temporary file next to the target, which is fsynced and renamed
 * over it (write-file-atomic), then the folder is fsynced so the rename itself survives a power
 * cut. A reader or a crash therefore sees the old document or the new one, never half of one,
 * and once the call returns the new one is on disk.
 *
 * Windows cannot open a folder for fsync; there NTFS journals the rename and the folder step is
 * skipped.
 */
import fs from 'node:fs';
import { dirname, resolve } from 'node:path';
import { promisify } from 'node:util';
import writeFileAtomic from 'write-file-atomic';

export interface DurableWriteOptions {
  /** Permissions of the file (e.g. 0o600 for secrets); by default the existing file's, else 0o666 less the umask. */
  readonly mode?: number;
  /** Permissions of folders created on the way (e.g. 0o700); by default 0o777 less the umask. */
  readonly directoryMode?: number;
}

const canSyncDirectories = process.platform !== 'win32';

function atomicOptions(options: DurableWriteOptions): writeFileAtomic.Options {
  return options.mode === undefined ? { fsync: true } : { fsync: true, mode: options.mode };
}

async function syncDirectory(directory: string): Promise<void> {
  if (!canSyncDirectories) return;
  const fd = await promisify(fs.open)(directory, 'r');
  try {
    await promisify(fs.fsync)(fd);
  } finally {
    await promisify(fs.close)(fd);
  }
}

function syncDirectorySync(directory: string): void {
  if (!canSyncDirectories) return;
  const fd = fs.openSync(directory, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The last pending write per file. Writes to one file run one after another in call order: the
 * folder is created before each write, and those awaits can finish in any order, so without
 * this queue an older document could land after a newer one.
 */
const pendingWrites = new Map<string, Promise<void>>();

async function writeNow(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions,
): Promise<void> {
  const directory = dirname(file);
  await fs.promises.mkdir(directory, { recursive: true, mode: options.directoryMode });
  await writeFileAtomic(file, typeof data === 'string' ? data : Buffer.from(data), atomicOptions(options));
  await syncDirectory(directory);
}

/** Replaces `file` with `data` durably (see the header), creating missing folders. */
export function writeFileDurably(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): Promise<void> {
  const key = resolve(file);
  const previous = pendingWrites.get(key) ?? Promise.resolve();
  const write = previous.catch(() => undefined).then(() => writeNow(file, data, options));
  const settled = write.catch(() => undefined);
  pendingWrites.set(key, settled);
  void settled.then(() => {
    if (pendingWrites.get(key) === settled) pendingWrites.delete(key);
  });
  return write;
}

/** {@link writeFileDurably}, blocking: for saves that must finish before the process goes on (shutdown). */
export function writeFileDurablySync(
  file: string,
  data: string | Uint8Array,
  options: DurableWriteOptions = {},
): void {
  const directory = dirname(file);
  fs.mkdirSync(directory, { recursive: true, mode: options.directoryMode });
  writeFileAtomic.sync(file, typeof data === 'string' ? data : Buffer.from(data), atomicOptions(options));
  syncDirectorySync(directory);
}

/** JSON text of `value`: pretty (two spaces) when `pretty`, compact otherwise; always a final newline. */
export function jsonText(value: unknown, pretty = false): string {
  return `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`;
}
