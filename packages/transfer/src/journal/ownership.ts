/**
 * node-sqlite3-wasm locks a database by creating a `<db>.lock` directory, which a killed
 * process leaves behind: the journal would stay "locked" forever after a crash. So the engine
 * records its pid in `<db>.owner` before opening; a lock whose owner is gone is stale and is
 * removed. A live owner (another process, or another engine in this one) is refused. On the
 * runtime's node:sqlite (sql-database.ts) the lock is the system's file lock, which ends with
 * the process; the owner file still gives a second engine a clear refusal.
 *
 * A pid alone is not enough after the computer restarted: the last owner may never have
 * released the file (Windows ends apps at shutdown without their quit handlers), and its pid
 * may belong to some unrelated process of the new session. So the owner file also names the
 * boot it was written in, and an owner from another boot is stale whatever its pid does now.
 * The boot is Linux's `boot_id` where readable, else the boot time derived from the uptime,
 * compared with a tolerance for clock adjustments.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { uptime } from 'node:os';
import { resolve } from 'node:path';

const openHere = new Set<string>();

/** Two boot times closer than this are the same boot (clock adjustments move the estimate). */
export const BOOT_TOLERANCE_MS = 10 * 60_000;

/** How this boot is recognised: Linux's boot id, or the boot time in ms since the epoch. */
export type BootStamp = { readonly id: string } | { readonly at: number };

export function currentBoot(): BootStamp {
  try {
    const id = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    if (/^[0-9a-f-]{36}$/i.test(id)) return { id };
  } catch {
    // Not Linux, or /proc is not mounted.
  }
  return { at: Math.round(Date.now() - uptime() * 1000) };
}

export function sameBoot(a: BootStamp, b: BootStamp): boolean {
  if ('id' in a && 'id' in b) return a.id === b.id;
  if ('at' in a && 'at' in b) return Math.abs(a.at - b.at) <= BOOT_TOLERANCE_MS;
  return false;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

export interface OwnerRecord {
  readonly pid: number;
  /** Absent in files written before the boot was recorded. */
  readonly boot?: BootStamp;
}

export function formatOwner(record: Required<OwnerRecord>): string {
  return JSON.stringify({ pid: record.pid, boot: record.boot });
}

/** Reads an owner file: the JSON record, or the bare pid older versions wrote. */
export function parseOwner(text: string): OwnerRecord | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const data = JSON.parse(trimmed) as { pid?: unknown; boot?: { id?: unknown; at?: unknown } };
    if (!Number.isInteger(data.pid) || (data.pid as number) <= 0) return undefined;
    const pid = data.pid as number;
    if (typeof data.boot?.id === 'string') return { pid, boot: { id: data.boot.id } };
    if (typeof data.boot?.at === 'number' && Number.isFinite(data.boot.at))
      return { pid, boot: { at: data.boot.at } };
    return { pid };
  } catch {
    return undefined;
  }
}

function readOwner(path: string): OwnerRecord | undefined {
  try {
    return parseOwner(readFileSync(`${path}.owner`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the recorded owner may still hold the journal: another live process of this boot. */
export function ownerHolds(
  owner: OwnerRecord | undefined,
  here: { pid: number; boot: BootStamp },
  isAlive: (pid: number) => boolean = alive,
): boolean {
  if (owner === undefined || owner.pid === here.pid) return false;
  if (owner.boot !== undefined && !sameBoot(owner.boot, here.boot)) return false;
  return isAlive(owner.pid);
}

/** Claims the journal at `path`; returns the release function. */
export function claimJournal(path: string): () => void {
  const key = resolve(path);
  if (openHere.has(key)) throw new Error('The transfer journal is already open in this process.');
  const here = { pid: process.pid, boot: currentBoot() };
  const owner = readOwner(key);
  if (ownerHolds(owner, here)) {
    throw new Error(`The transfer journal is in use by another process (pid ${owner?.pid}).`);
  }
  rmSync(`${key}.lock`, { recursive: true, force: true });
  writeFileSync(`${key}.owner`, formatOwner(here));
  openHere.add(key);
  return () => {
    openHere.delete(key);
    rmSync(`${key}.owner`, { force: true });
  };
}
