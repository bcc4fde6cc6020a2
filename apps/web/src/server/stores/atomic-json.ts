import { readFile } from 'node:fs/promises';
import { jsonText, writeFileDurably } from '@pandesk/durable-file';

/**
 * Small JSON files written durably and atomically (see @pandesk/durable-file), so a crash
 * mid-write leaves either the old or the new document, never half of one.
 */

/** The parsed document, `undefined` when the file does not exist, or `'corrupt'` when unreadable JSON. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return 'corrupt';
  }
}

/** Writes `value` as JSON with `mode` permissions (e.g. 0o600 for secrets) in a 0700 folder. */
export async function writeJsonFile(file: string, value: unknown, mode: number): Promise<void> {
  await writeFileDurably(file, jsonText(value, true), { mode, directoryMode: 0o700 });
}

/** Runs async tasks one after another, so concurrent saves cannot interleave. */
export function createSerialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
