import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createBackgroundDelete, GONE_PREFIX } from './background-delete';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-pan-delete-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('frees the path at once and deletes the contents by the time settled resolves', async () => {
  const target = join(dir, 'slices');
  mkdirSync(target);
  for (const n of [1, 2, 3]) writeFileSync(join(target, String(n)), Buffer.alloc(100_000));
  const deleter = createBackgroundDelete();
  deleter.remove(target);
  expect(existsSync(target)).toBe(false);
  mkdirSync(target); // the name can be used again right away
  await deleter.settled();
  expect(readdirSync(dir)).toEqual(['slices']);
  expect(readdirSync(dir).some((name) => name.startsWith(GONE_PREFIX))).toBe(false);
});

it('accepts a path that does not exist', async () => {
  const deleter = createBackgroundDelete();
  deleter.remove(join(dir, 'never-made'));
  await deleter.settled();
  expect(readdirSync(dir)).toEqual([]);
});
