import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderedHasher } from './ordered-hasher';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pf-hash-'));
  dirs.push(dir);
  return join(dir, 'f.part');
}

describe('ordered hasher', () => {
  it('hashes a file written out of order as its complete prefix grows', async () => {
    const bytes = randomBytes(9 * 1024 * 1024 + 123);
    const path = tempFile();
    writeFileSync(path, Buffer.alloc(bytes.length));
    const handle = await open(path, 'r+');
    const hasher = createOrderedHasher(path);
    const third = Math.floor(bytes.length / 3);
    // Second third first: nothing is complete from the start yet, so nothing may be hashed.
    await handle.write(bytes, third, third, third);
    await handle.write(bytes, 0, third, 0);
    hasher.advance(2 * third);
    await handle.write(bytes, 2 * third, bytes.length - 2 * third, 2 * third);
    await handle.close();
    expect(await hasher.digest(bytes.length)).toBe(createHash('md5').update(bytes).digest('hex'));
  });

  it('rejects when the file is shorter than the size asked for', async () => {
    const path = tempFile();
    writeFileSync(path, Buffer.from('short'));
    const hasher = createOrderedHasher(path);
    await expect(hasher.digest(100)).rejects.toThrow(/hashing failed/);
  });
});
