import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostKit } from '../server/testing/host-kit';
import type { HostKit } from '../server/testing/host-kit';
import { entriesFromFiles } from './drop-entries';
import { createWebHostAdapter } from './web-host-adapter';

let kit: HostKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

function fileAt(path: string, text: string): File {
  const file = new File([text], path.split('/').pop() ?? path);
  Object.defineProperty(file, 'webkitRelativePath', { value: path });
  return file;
}

describe('createWebHostAdapter (against a real host)', () => {
  it('stages dropped files and answers one host path per top-level item, in drop order', async () => {
    kit = await startHostKit();
    const adapter = createWebHostAdapter({
      secret: kit.host.secret,
      baseUrl: kit.host.origin,
      concurrency: 2,
    });
    const files = [
      new File(['one'], 'b.txt'),
      fileAt('album/x/1.jpg', 'img1'),
      fileAt('album/2.jpg', 'img2'),
      new File(['three'], 'a.txt'),
    ];
    const paths = await adapter.stageFiles({ files, items: null });
    expect(paths).toHaveLength(3);
    const batch = paths[0]!.split('/').slice(-2, -1)[0]!;
    const base = join(kit.stagingRoot, batch);
    expect(paths).toEqual([join(base, 'b.txt'), join(base, 'album'), join(base, 'a.txt')]);
    expect(await readFile(join(base, 'album', 'x', '1.jpg'), 'utf8')).toBe('img1');
    expect(await readFile(join(base, 'a.txt'), 'utf8')).toBe('three');
  });

  it('each drop gets its own batch folder, so equal names in two drops do not clash', async () => {
    kit = await startHostKit();
    const adapter = createWebHostAdapter({ secret: kit.host.secret, baseUrl: kit.host.origin });
    const [first] = await adapter.stageFiles({ files: [new File(['1'], 'same.txt')] });
    const [second] = await adapter.stageFiles({ files: [new File(['2'], 'same.txt')] });
    expect(first).not.toBe(second);
    expect(await readFile(second!, 'utf8')).toBe('2');
  });

  it("fails with the host's words when staging is refused", async () => {
    kit = await startHostKit();
    const adapter = createWebHostAdapter({ secret: 'not-the-key', baseUrl: kit.host.origin });
    await expect(adapter.stageFiles({ files: [new File(['1'], 'a.txt')] })).rejects.toThrow(
      'a.txt: The launch key is missing or wrong.',
    );
  });

  it('offers browser downloads only when the host serves them, and never builds a URL with the key', () => {
    const on = createWebHostAdapter({ secret: 'abc', browserDownloads: true });
    expect(on.browserDownloads).toBe(true);
    expect(JSON.stringify(on)).not.toContain('abc');
    expect(createWebHostAdapter({ secret: 'abc', browserDownloads: false }).browserDownloads).toBe(false);
  });

  it('uses the relative folder path of picked files', () => {
    expect(
      entriesFromFiles([fileAt('dir/sub/f.txt', 'x'), new File(['y'], 'plain.txt')]).map((e) => e.path),
    ).toEqual(['dir/sub/f.txt', 'plain.txt']);
  });
});
