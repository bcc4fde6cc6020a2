import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unwrap } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';

let h: Harness;
afterEach(async () => h?.close());

describe('sync pairs through the API against fake-pan', () => {
  it('adds a backup pair, shows its first plan, uploads once confirmed, and keeps the pair across a restart', async () => {
    h = await startHarness();
    const local = join(h.dir, 'photos');
    await mkdir(local);
    await writeFile(join(local, 'a.jpg'), 'picture');
    const cloud = h.fake.state.addFolder('/Backup');
    const waiting = h.waitFor('sync:changed', (c) =>
      c.pairs.some((p) => p.state === 'awaiting_confirmation'),
    );
    const pair = unwrap(
      await h.client.sync.add({
        localPath: local,
        remoteFolderId: cloud.id,
        remotePath: '/Backup',
        mode: 'backup',
        deletions: 'ignore',
        schedule: { kind: 'interval', minutes: 60 },
        confirmAbove: 50,
      }),
    );
    await waiting;
    const plan = unwrap(await h.client.sync.plan({ id: pair.id }));
    expect(plan).toMatchObject({ reason: 'first_run', counts: { uploads: 1 }, scan: { listCalls: 1 } });
    const done = h.waitFor('sync:changed', (c) => c.pairs.some((p) => p.lastRun?.outcome === 'completed'));
    unwrap(await h.client.sync.confirmPlan({ id: pair.id, planId: plan?.planId as string, accept: true }));
    await done;
    expect(h.fake.state.find('/Backup/a.jpg')?.size).toBe(7);
    expect(unwrap(await h.client.sync.history({ id: pair.id }))).toHaveLength(1);

    await h.restart();
    const [again] = unwrap(await h.client.sync.list());
    expect(again).toMatchObject({
      id: pair.id,
      lastRun: { outcome: 'completed' },
      config: { remotePath: '/Backup' },
    });
  });

  it('answers with words for an unknown pair and for a folder that does not exist', async () => {
    h = await startHarness();
    const missing = await h.client.sync.runNow({ id: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = await h.client.sync.add({
      localPath: join(h.dir, 'no-such-folder'),
      remoteFolderId: 0,
      remotePath: '/',
      mode: 'two_way',
      deletions: 'ignore',
      schedule: { kind: 'interval', minutes: 5 },
      confirmAbove: 10,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(unwrap(await h.client.sync.list())).toEqual([]);
  });
});
