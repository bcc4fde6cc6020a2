import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStagingArea, UnsafeStagingPathError } from './staging-area';
import type { StagingArea } from './staging-area';

let root: string;
let staging: StagingArea;

beforeEach(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'pandesk-staging-')), 'staging');
  staging = createStagingArea(root);
});
afterEach(async () => {
  await rm(join(root, '..'), { recursive: true, force: true });
});

describe('createStagingArea', () => {
  it('writes files under the batch folder and reports the top-level entry', async () => {
    const entry = await staging.writeFile(
      'batch-0001',
      ['photos', 'a.jpg'],
      Readable.from([Buffer.from('abc')]),
    );
    expect(entry).toEqual({
      path: join(root, 'batch-0001', 'photos', 'a.jpg'),
      topLevel: join(root, 'batch-0001', 'photos'),
    });
    expect(await readFile(entry.path, 'utf8')).toBe('abc');
    expect((await stat(entry.path)).mode & 0o777).toBe(0o600);
  });

  it('refuses to overwrite a staged file', async () => {
    await staging.writeFile('batch-0001', ['a.txt'], Readable.from([Buffer.from('one')]));
    await expect(
      staging.writeFile('batch-0001', ['a.txt'], Readable.from([Buffer.from('two')])),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(root, 'batch-0001', 'a.txt'), 'utf8')).toBe('one');
  });

  it('removes the partial file when the body fails mid-way', async () => {
    const body = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(staging.writeFile('batch-0002', ['big.bin'], body)).rejects.toThrow('client went away');
    expect(await readdir(join(root, 'batch-0002'))).toEqual([]);
  });

  it('refuses unsafe batch ids and segments that would escape even if a caller skipped the checks', async () => {
    expect(() => staging.batchDir('../x')).toThrow(UnsafeStagingPathError);
    await expect(staging.writeFile('batch-0001', ['..', '..', 'evil'], Readable.from([]))).rejects.toThrow(
      UnsafeStagingPathError,
    );
    await expect(staging.makeDir('batch-0001', ['..'])).rejects.toThrow(UnsafeStagingPathError);
    await expect(staging.makeDir('batch-0001', [])).rejects.toThrow(UnsafeStagingPathError);
  });

  it('knows which batch a local path belongs to', () => {
    expect(staging.batchOf(join(root, 'batch-0001', 'a', 'b.txt'))).toBe('batch-0001');
    expect(staging.batchOf(join(root, 'batch-0001'))).toBe('batch-0001');
    expect(staging.batchOf(root)).toBeUndefined();
    expect(staging.batchOf('/tmp/elsewhere/file')).toBeUndefined();
    expect(staging.batchOf(join(root, '..', 'x'))).toBeUndefined();
  });

  it('lists and removes batches', async () => {
    await staging.makeDir('batch-000a', ['empty']);
    await staging.writeFile('batch-000b', ['f'], Readable.from([Buffer.from('x')]));
    expect((await staging.listBatches()).sort()).toEqual(['batch-000a', 'batch-000b']);
    await staging.removeBatch('batch-000a');
    expect(await staging.listBatches()).toEqual(['batch-000b']);
  });
});
