/**
 * node-sqlite3-wasm locks a database by creating a `<db>.lock` directory, which a killed
 * process leaves behind: the journal would stay "locked" forever after a crash. So the engine
 * records its pid in `<db>.owner` before opening; a lock whose owner is gone is stale and is
 * removed. A live owner (another process, or another engine in this one) is refused.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const openHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

function ownerPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(`${path}.owner`, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Claims the journal at `path`; returns the release function. */
export function claimJournal(path: string): () => void {
  const key = resolve(path);
  if (openHere.has(key)) throw new Error('The transfer journal is already open in this process.');
  const pid = ownerPid(key);
  if (pid !== undefined && pid !== process.pid && alive(pid)) {
    throw new Error(`The transfer journal is in use by another process (pid ${pid}).`);
  }
  rmSync(`${key}.lock`, { recursive: true, force: true });
  writeFileSync(`${key}.owner`, String(process.pid));
  openHere.add(key);
  return () => {
    openHere.delete(key);
    rmSync(`${key}.owner`, { force: true });
  };
}
