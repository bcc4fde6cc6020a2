import { readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The transfer journals (`transfers*.db` in the profile folder) record their owner's pid in
 * `<db>.owner`. Windows ends apps at shutdown and restart without running their quit handlers,
 * so the file keeps the last pid, and with Fast Startup (where the uptime carries on across a
 * "shut down") a new process may have that pid again, so the journal would be refused as in use.
 * The desktop app holds Electron's single-instance lock for its profile before this runs: no
 * other PanDesk can be using these journals, so every owner file that does not name this
 * process is stale and is removed.
 */

const OWNER_FILE = /^transfers[\w.-]*\.db\.owner$/;

export interface OwnerFs {
  readdirSync(dir: string): string[];
  readFileSync(file: string, encoding: 'utf8'): string;
  rmSync(file: string, options: { force: true }): void;
}

const nodeFs: OwnerFs = { readdirSync, readFileSync, rmSync };

/** Removes the stale owner files of `profileDir`; answers their names. */
export function clearStaleJournalOwners(profileDir: string, ownPid: number, fs: OwnerFs = nodeFs): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(profileDir);
  } catch {
    return [];
  }
  const cleared: string[] = [];
  for (const name of names.filter((n) => OWNER_FILE.test(n))) {
    const file = path.join(profileDir, name);
    try {
      const pid = /"pid":\s*(\d+)|^\s*(\d+)\s*$/.exec(fs.readFileSync(file, 'utf8'));
      if (Number(pid?.[1] ?? pid?.[2]) === ownPid) continue;
      fs.rmSync(file, { force: true });
      cleared.push(name);
    } catch {
      // Unreadable or already gone: the journal's own check decides.
    }
  }
  return cleared;
}
