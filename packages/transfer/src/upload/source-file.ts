/**
 * The local file an upload reads, opened once per job without ever blocking (O_NONBLOCK: a FIFO
 * opens at once instead of waiting for a writer) and accepted only when the opened descriptor is
 * a regular file. Size, mtime and every byte come from this handle; the hashing workers open the
 * path again and check it the same way.
 */
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { JobContext } from '../job-context';
import { FileChangedError } from '../job-context';
import type { SliceBytes } from '../ports';
import { NotRegularFileError } from '../util/fs-errors';

/** O_NONBLOCK where the platform has it (not on Windows, which has no FIFOs at file paths). */
export const OPEN_NONBLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface SourceFile {
  readonly handle: FileHandle;
  /** Current size and mtime, from the open handle. */
  stat(): Promise<{ size: number; mtimeMs: number }>;
  /** Bytes [start, end), read piece by piece on demand; a short file is a changed file. */
  bytes(start: number, end: number): SliceBytes;
  close(): Promise<void>;
}

export async function openSource(ctx: JobContext): Promise<SourceFile> {
  const handle = await ctx.fs.open(ctx.item.localPath, OPEN_NONBLOCKING);
  try {
    if (!(await handle.stat()).isFile()) throw new NotRegularFileError();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return {
    handle,
    async stat() {
      const st = await handle.stat();
      return { size: st.size, mtimeMs: st.mtimeMs };
    },
    bytes(start, end) {
      return {
        size: end - start,
        async read(into, offset) {
          const from = start + offset;
          for (let done = 0; done < into.byteLength;) {
            const { bytesRead } = await handle.read(into, done, into.byteLength - done, from + done);
            if (bytesRead === 0) throw new FileChangedError();
            done += bytesRead;
          }
        },
      };
    },
    close: () => handle.close().catch(() => undefined),
  };
}

/** Throws FileChangedError if the file is no longer the one the upload was made for. */
export async function assertUnchanged(
  source: SourceFile,
  identity: { size: number; mtimeMs: number },
): Promise<void> {
  const st = await source.stat();
  if (st.size !== identity.size || st.mtimeMs !== identity.mtimeMs) throw new FileChangedError();
}
