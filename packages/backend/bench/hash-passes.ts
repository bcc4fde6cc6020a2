/**
 * Hashing an upload's file both ways the engine has done it, on the engine's own hashing
 * threads: one pass (the whole file's MD5 and every slice's from the same read, as uploads do
 * now) and two passes (the whole file first, then each slice read again, `parallel` at a time,
 * as slices were hashed just before they were sent).
 */
import { createHashWorkers } from '@pandesk/transfer/hash-workers';

export type HashMode = 'one_pass' | 'two_pass';

export async function hashPasses(
  path: string,
  size: number,
  opts: { mode: HashMode; sliceSize: number; parallel: number },
): Promise<string> {
  const hasher = createHashWorkers();
  try {
    if (opts.mode === 'one_pass') return (await hasher.hashFile(path, opts.sliceSize)).md5;
    const md5 = await hasher.md5(path);
    const starts: number[] = [];
    for (let start = 0; start < size; start += opts.sliceSize) starts.push(start);
    const next = async (): Promise<void> => {
      for (let start = starts.shift(); start !== undefined; start = starts.shift())
        await hasher.md5(path, { start, end: Math.min(size, start + opts.sliceSize) });
    };
    await Promise.all(Array.from({ length: opts.parallel }, next));
    return md5;
  } finally {
    await hasher.close();
  }
}
