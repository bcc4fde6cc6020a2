import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFolderTrash, createSystemTrash } from './local-trash';

let work: string;
let pair: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'pandesk-trash-'));
  pair = join(work, 'pair');
  mkdirSync(join(pair, 'docs'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) filesUnder(p, out);
    else out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

describe('local trash', () => {
  it('keeps every trashed version in the pair’s trash folder, never replacing one', async () => {
    const trash = createFolderTrash(() => 1_700_000_000_000);
    writeFileSync(join(pair, 'docs', 'a.txt'), 'first');
    await trash.trash(join(pair, 'docs', 'a.txt'), pair);
    writeFileSync(join(pair, 'docs', 'a.txt'), 'second');
    await trash.trash(join(pair, 'docs', 'a.txt'), pair);
    expect(existsSync(join(pair, 'docs', 'a.txt'))).toBe(false);
    expect(filesUnder(join(pair, '.pandesk-trash')).sort()).toEqual(['first', 'second']);
    await expect(trash.trash(join(work, 'outside.txt'), pair)).rejects.toThrow(/inside the pair/);
  });

  it('moves to the freedesktop trash of the system, and to the folder where the system refuses', async () => {
    process.env.XDG_DATA_HOME = join(work, 'xdg');
    writeFileSync(join(pair, 'docs', 'b.txt'), 'to the system trash');
    await createSystemTrash().trash(join(pair, 'docs', 'b.txt'), pair);
    expect(existsSync(join(pair, 'docs', 'b.txt'))).toBe(false);
    expect(filesUnder(join(work, 'xdg', 'Trash', 'files'))).toEqual(['to the system trash']);
    const [info] = filesUnder(join(work, 'xdg', 'Trash', 'info'));
    expect(info).toContain(`Path=${encodeURI(join(pair, 'docs', 'b.txt'))}`);
    writeFileSync(join(pair, 'docs', 'c.txt'), 'kept in the pair');
    const refusing = createSystemTrash(createFolderTrash(), () => Promise.reject(new Error('no trash here')));
    await refusing.trash(join(pair, 'docs', 'c.txt'), pair);
    expect(filesUnder(join(pair, '.pandesk-trash'))).toEqual(['kept in the pair']);
  });
});
