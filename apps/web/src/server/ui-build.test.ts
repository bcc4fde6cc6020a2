import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUiBuildStale } from './ui-build';

let repo: string;
let webRoot: string;

async function touch(path: string, secondsAgo: number): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, 'x');
  const t = new Date(Date.now() - secondsAgo * 1000);
  await utimes(path, t, t);
}

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'pandesk-uibuild-'));
  webRoot = join(repo, 'apps', 'web');
  await touch(join(webRoot, 'index.html'), 100);
  await touch(join(webRoot, 'src', 'client', 'main.tsx'), 100);
  await touch(join(repo, 'packages', 'ui', 'src', 'app.tsx'), 100);
  await touch(join(repo, 'packages', 'contract', 'src', 'index.ts'), 100);
  for (const dir of [
    join(webRoot, 'src', 'client'),
    join(webRoot, 'src'),
    webRoot,
    join(repo, 'packages', 'ui', 'src'),
    join(repo, 'packages', 'contract', 'src'),
  ]) {
    const t = new Date(Date.now() - 100_000);
    await utimes(dir, t, t);
  }
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

describe('isUiBuildStale', () => {
  it('is stale without a build', async () => {
    expect(await isUiBuildStale(webRoot)).toBe(true);
  });

  it('is fresh when the build is newer than every source', async () => {
    await touch(join(webRoot, 'dist', 'index.html'), 10);
    expect(await isUiBuildStale(webRoot)).toBe(false);
  });

  it('is stale when a UI source changed after the build', async () => {
    await touch(join(webRoot, 'dist', 'index.html'), 10);
    await touch(join(repo, 'packages', 'ui', 'src', 'app.tsx'), 1);
    expect(await isUiBuildStale(webRoot)).toBe(true);
  });

  it('ignores node_modules inside the sources', async () => {
    await touch(join(webRoot, 'dist', 'index.html'), 10);
    await touch(join(repo, 'packages', 'ui', 'src', 'node_modules', 'x.js'), 1);
    const t = new Date(Date.now() - 100_000);
    await utimes(join(repo, 'packages', 'ui', 'src'), t, t);
    expect(await isUiBuildStale(webRoot)).toBe(false);
  });
});
