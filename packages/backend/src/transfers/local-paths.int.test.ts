import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import type { TransferSummary } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import { createTempDirs } from '../testing/temp-dirs';

let h: Harness | undefined;
const temp = createTempDirs('pandesk-elsewhere-');
afterEach(async () => {
  await h?.close();
  h = undefined;
  await temp.cleanup();
});

const drained = (s: TransferSummary): boolean =>
  s.total > 0 && s.byState.queued === 0 && s.byState.running === 0;

/** A back end with the browser host's policy: uploads from `<dir>/staging` only, downloads into places only. */
async function webPolicy(): Promise<{ h: Harness; staging: string; elsewhere: string }> {
  const elsewhere = await temp.make();
  const harness = await startHarness({
    ports: { localPaths: { uploadRoots: [join(elsewhere, 'staging')], downloadsIntoPlacesOnly: true } },
  });
  const staging = join(elsewhere, 'staging');
  await mkdir(join(staging, 'batch'), { recursive: true });
  return { h: harness, staging, elsewhere };
}

const queued = async (harness: Harness): Promise<number> =>
  unwrap(await harness.client.transfers.summary()).total;

describe('local paths named by a client', () => {
  it('browser host: uploads only staged paths, never links, nothing outside the staging folder', async () => {
    const world = await webPolicy();
    h = world.h;
    const outside = join(world.elsewhere, 'private.txt');
    await writeFile(outside, 'not for upload');
    await symlink(outside, join(world.staging, 'batch', 'link.txt'));
    await symlink('/etc/hostname', join(world.staging, 'batch', 'hostname'));
    await symlink(world.elsewhere, join(world.staging, 'batch', 'dir-link'));
    await mkdir(join(world.staging, 'via'));
    await symlink(world.elsewhere, join(world.staging, 'via', 'parent'));
    const upload = (path: string) =>
      h!.client.transfers.upload({ localPaths: [path], remoteParentId: 0, conflict: 'keep_both' });

    for (const [path, words, reason] of [
      [outside, /dropped into or picked in the PanDesk page/, 'upload_not_staged'],
      ['/etc/hostname', /dropped into or picked in the PanDesk page/, 'upload_not_staged'],
      [join(world.staging, 'batch', 'link.txt'), /is a link/, 'upload_is_link'],
      [join(world.staging, 'batch', 'hostname'), /is a link/, 'upload_is_link'],
      [join(world.staging, 'batch', 'dir-link'), /is a link/, 'upload_is_link'],
      [join(world.staging, 'via', 'parent', 'private.txt'), /dropped into or picked/, 'upload_not_staged'],
      [
        join(world.staging, 'batch', '..', '..', 'private.txt'),
        /dropped into or picked/,
        'upload_not_staged',
      ],
      [world.staging, /dropped into or picked/, 'upload_not_staged'],
      ['batch/file.txt', /not a full path/, 'local_path_not_absolute'],
    ] as const) {
      expect(await upload(path), path).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', reason, params: { path }, message: expect.stringMatching(words) },
      });
    }
    expect(await queued(h)).toBe(0);

    await writeFile(join(world.staging, 'batch', 'real.txt'), 'staged bytes');
    const done = h.waitFor('transfers:changed', (s) => drained(s.summary));
    unwrap(await upload(join(world.staging, 'batch', 'real.txt')));
    expect((await done).summary.byState.completed).toBe(1);
    expect(h.fake.state.find('/real.txt')?.size).toBe('staged bytes'.length);
  });

  it('a folder upload skips links inside it, so nothing outside the folder is read', async () => {
    const world = await webPolicy();
    h = world.h;
    const outside = join(world.elsewhere, 'secret.txt');
    await writeFile(outside, 'secret');
    const folder = join(world.staging, 'batch', 'album');
    await mkdir(folder);
    await writeFile(join(folder, 'photo.jpg'), 'jpeg');
    await symlink(outside, join(folder, 'secret.txt'));
    await symlink(world.elsewhere, join(folder, 'everything'));
    const done = h.waitFor(
      'transfers:changed',
      (s) => drained(s.summary) && s.summary.byState.completed >= 2,
    );
    unwrap(
      await h.client.transfers.upload({ localPaths: [folder], remoteParentId: 0, conflict: 'keep_both' }),
    );
    await done;
    const album = h.fake.state.find('/album')!;
    expect(h.fake.state.list(album.id).map((n) => n.name)).toEqual(['photo.jpg']);
  });

  it('browser host: downloads only into the download folder and places, links resolved', async () => {
    const world = await webPolicy();
    h = world.h;
    const node = await h.fake.state.addFile('/note.txt', 'note');
    const source = { fileId: node.id, name: 'note.txt', type: 'file' as const };
    const download = (localDir: string) =>
      h!.client.transfers.download({ sources: [source], localDir, conflict: 'keep_both' });
    const downloads = h.dir;
    await symlink(world.elsewhere, join(downloads, 'escape'));

    expect(await download(world.elsewhere)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        reason: 'download_folder_not_allowed',
        params: { path: world.elsewhere },
        message: expect.stringMatching(/only into the download folder or one of the places/),
      },
    });
    expect(await download(join(downloads, 'escape'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await download('downloads')).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/full path/),
      },
    });
    expect(await queued(h)).toBe(0);

    const place = join(world.elsewhere, 'Music');
    await mkdir(join(place, 'inner'), { recursive: true });
    unwrap(await h.client.places.add({ path: place }));
    const done = h.waitFor(
      'transfers:changed',
      (s) => drained(s.summary) && s.summary.byState.completed === 2,
    );
    unwrap(await download(join(place, 'inner')));
    unwrap(await download(downloads));
    await done;
    expect(await readdir(join(place, 'inner'))).toEqual(['note.txt']);
  });

  it('desktop: any absolute folder, but never a relative path', async () => {
    h = await startHarness();
    const elsewhere = await temp.make();
    expect(
      await h.client.transfers.upload({
        localPaths: ['notes.txt'],
        remoteParentId: 0,
        conflict: 'keep_both',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/not a full path/) },
    });
    expect(await h.client.settings.update({ downloadFolder: 'Downloads' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/not a full path/) },
    });
    const node = await h.fake.state.addFile('/evil\u202Etxt.exe', 'payload');
    const done = h.waitFor('transfers:changed', (s) => drained(s.summary));
    const sources = [{ fileId: node.id, name: node.name, type: 'file' as const }];
    expect(
      await h.client.transfers.download({ sources, localDir: '.', conflict: 'keep_both' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/full path/) },
    });
    unwrap(await h.client.transfers.download({ sources, localDir: elsewhere, conflict: 'keep_both' }));
    await done;
    // The bidi override is replaced, so the file manager shows the real extension.
    expect(await readdir(elsewhere)).toEqual(['evil_txt.exe']);
  });
});
