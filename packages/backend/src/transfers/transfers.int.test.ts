import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import type { TransferSummary } from '@pandesk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';

let h: Harness;
const hooks: string[] = [];
beforeEach(async () => {
  hooks.length = 0;
  h = await startHarness({
    fake: { switches: { sliceSize: 64 * 1024 } },
    platform: {
      notify: (title, body) => hooks.push(`notify:${title}:${body}`),
      setProgress: (f) => hooks.push(`progress:${f === null ? 'none' : 'some'}`),
      keepAwake: (on) => hooks.push(`awake:${on}`),
    },
  });
});
afterEach(async () => {
  await h.close();
});

const drained = (s: TransferSummary): boolean =>
  s.total > 0 && s.byState.queued === 0 && s.byState.running === 0;

describe('transfers end to end against fake-pan', () => {
  it('uploads a local folder, announces the folder, and downloads it back byte for byte', async () => {
    const local = join(h.dir, 'src');
    await mkdir(join(local, 'inner'), { recursive: true });
    const big = randomBytes(300 * 1024);
    await writeFile(join(local, 'big.bin'), big);
    await writeFile(join(local, 'inner', 'small.txt'), 'hello');
    const target = h.fake.state.addFolder('/Uploads');

    const announced = h.waitFor('folder:changed', (c) => c.folderIds.includes(target.id));
    const done = h.waitFor(
      'transfers:changed',
      (s) => drained(s.summary) && s.summary.byState.completed >= 3,
    );
    unwrap(
      await h.client.transfers.upload({
        localPaths: [local],
        remoteParentId: target.id,
        conflict: 'keep_both',
      }),
    );
    const summary = (await done).summary;
    expect(summary.byState.failed).toBe(0);
    await announced;
    expect(h.fake.state.find('/Uploads/src/big.bin')?.size).toBe(big.length);
    expect(h.fake.state.find('/Uploads/src/inner/small.txt')).toBeDefined();

    const remote = h.fake.state.find('/Uploads/src')!;
    const out = join(h.dir, 'out');
    await mkdir(out);
    const downloaded = h.waitFor(
      'transfers:changed',
      (s) =>
        s.summary.download.queued === 0 &&
        s.summary.download.running === 0 &&
        s.summary.byState.completed >= 6,
    );
    unwrap(
      await h.client.transfers.download({
        sources: [{ fileId: remote.id, name: 'src', type: 'folder' }],
        localDir: out,
        conflict: 'overwrite',
      }),
    );
    await downloaded;
    expect((await readFile(join(out, 'src', 'big.bin'))).equals(big)).toBe(true);
    expect(await readFile(join(out, 'src', 'inner', 'small.txt'), 'utf8')).toBe('hello');

    const page = unwrap(await h.client.transfers.page({ offset: 0, limit: 100 }));
    expect(page.items.every((i) => i.state === 'completed')).toBe(true);
    expect(hooks).toContain('awake:true');
    expect(hooks.at(-1)).not.toBe('awake:true');
    expect(hooks).toContain('notify:Upload finished:2 files done.');
    expect(hooks).toContain('notify:Download finished:2 files done.');
    expect(hooks).toContain('progress:none');
    unwrap(await h.client.transfers.clearFinished());
    expect(unwrap(await h.client.transfers.summary()).total).toBe(0);
  });

  it('"clear finished" keeps failed items for retry; "clear failed" removes them', async () => {
    await writeFile(join(h.dir, 'ok.txt'), 'fine');
    const settled = h.waitFor(
      'transfers:changed',
      (s) => s.summary.byState.completed === 1 && s.summary.byState.failed === 1,
    );
    unwrap(
      await h.client.transfers.upload({
        localPaths: [join(h.dir, 'ok.txt'), join(h.dir, 'gone.txt')],
        remoteParentId: 0,
        conflict: 'keep_both',
      }),
    );
    await settled;
    unwrap(await h.client.transfers.clearFinished());
    const left = unwrap(await h.client.transfers.page({ offset: 0, limit: 10 })).items;
    expect(left.map((i) => `${i.name}:${i.state}`)).toEqual(['gone.txt:failed']);
    unwrap(await h.client.transfers.clearFailed());
    expect(unwrap(await h.client.transfers.summary()).total).toBe(0);
  });

  it('pauses the queue when auth is lost and resumes after signing in again', async () => {
    const local = join(h.dir, 'a.bin');
    await writeFile(local, randomBytes(200 * 1024));
    unwrap(await h.client.settings.update({ uploadSpeedLimit: 64 * 1024 }));
    const running = h.waitFor('transfers:changed', (s) => s.summary.byState.running > 0);
    unwrap(
      await h.client.transfers.upload({ localPaths: [local], remoteParentId: 0, conflict: 'keep_both' }),
    );
    await running;
    const lost = h.waitFor('auth:changed', (s) => s.state === 'auth_required');
    const paused = h.waitFor(
      'transfers:changed',
      (s) => s.summary.authBlocked && s.summary.byState.running === 0,
    );
    h.fake.tokens.expire();
    h.fake.faults.set({ force401Next: 1000 });
    await lost;
    await paused;
    const item = unwrap(await h.client.transfers.page({ offset: 0, limit: 10 })).items[0];
    expect(item).toMatchObject({ state: 'paused', pauseReason: 'auth_required' });
    h.fake.faults.set({ force401Next: 0 });
    unwrap(await h.client.settings.update({ uploadSpeedLimit: 0 }));
    const finished = h.waitFor(
      'transfers:changed',
      (s) => s.summary.byState.completed === 1 && !s.summary.authBlocked,
    );
    expect(unwrap(await h.client.auth.signIn()).state).toBe('signed_in');
    await finished;
    expect(h.fake.state.find('/a.bin')).toBeDefined();
  });

  it('hands the host a fresh signed URL that serves the file (never through the api)', async () => {
    const node = await h.fake.state.addFile('/direct.txt', 'direct bytes');
    const link = await h.backend.downloadUrl(node.id);
    expect(link.ok).toBe(true);
    if (link.ok) expect(await (await fetch(link.value)).text()).toBe('direct bytes');
    expect(await h.backend.downloadUrl(999999999)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
