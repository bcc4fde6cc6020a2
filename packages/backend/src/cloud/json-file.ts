/**
 * Small JSON documents in the user-data folder: read (missing or unreadable → undefined) and
 * written durably and atomically (@pandesk/durable-file, which applies writes to one file in
 * call order), so a crash leaves the previous or the new document, never half of one.
 */
import { jsonText, writeFileDurably } from '@pandesk/durable-file';
import type { LocalFs } from '../ports';

export async function readJsonFile(fs: Pick<LocalFs, 'open'>, path: string): Promise<unknown> {
  let handle;
  try {
    handle = await fs.open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(await handle.readFile('utf8')) as unknown;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

export function writeJsonFile(path: string, value: unknown): Promise<void> {
  return writeFileDurably(path, jsonText(value));
}
