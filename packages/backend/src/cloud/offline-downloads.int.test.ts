import { createHash, randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { unwrap } from '@pandesk/contract';
import type { CloudTask } from '@pandesk/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import { startUrlServer } from '@pandesk/fake-pan/testing';
import type { UrlServer } from '@pandesk/fake-pan/testing';

let h: Harness | undefined;
let web: UrlServer | undefined;
afterEach(async () => {
  await h?.close();
  await web?.close();
  h = web = undefined;
});

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');
const taskIn = (tasks: readonly CloudTask[], id: string): CloudTask | undefined =>
  tasks.find((t) => t.id === id);

describe('cloud downloads over fake-pan', () => {
  it('submits a URL, reports its progress and the finished file, and announces the folder', async () => {
    h = await startHarness();
    web = await startUrlServer();
    const body = randomBytes(200_000);
    const gate = web.serve('/files/big%20data.bin', body, { holdAfter: 50_000 });
    const folder = h.fake.state.addFolder('/Inbox');
    // Waiters start before the call: the service may report progress before the call answers.
    const progressed = h.waitFor('cloud:changed', (s) =>
      s.tasks.some((t) => (t.percent ?? 0) > 0 && (t.percent ?? 0) < 100),
    );
    const [task] = unwrap(
      await h.client.cloud.download({
        urls: [`${web.origin}/files/big%20data.bin?sig=abc`],
        folderId: folder.id,
      }),
    );
    expect(task).toMatchObject({
      kind: 'cloud_download',
      state: 'running',
      title: 'big data.bin',
      targetFolderId: folder.id,
      percent: 0,
    });
    // Part of the body arrived: the service reports a percentage between 0 and 100.
    const partly = await progressed;
    expect(taskIn(partly.tasks, task!.id)?.percent).toBeGreaterThan(0);
    const announced = h.waitFor('folder:changed', (c) => c.folderIds.includes(folder.id));
    gate.release();
    const done = await h.waitFor('cloud:changed', (s) => taskIn(s.tasks, task!.id)?.state === 'completed');
    expect(taskIn(done.tasks, task!.id)).toMatchObject({
      percent: 100,
      phase: null,
      problems: [],
      serviceStatus: 2,
    });
    await announced;
    const placed = h.fake.state.find('/Inbox/big data.bin');
    expect(placed?.md5).toBe(md5(body));
    expect(unwrap(await h.client.files.list({ folderId: folder.id })).items.map((e) => e.name)).toEqual([
      'big data.bin',
    ]);
    expect(unwrap(await h.client.cloud.tasks())[0]).toMatchObject({ id: task!.id, state: 'completed' });
  });

  it('keeps a download submitted while the saved task list is still loading', async () => {
    // The saved list is read after sign-in; hold that read open while a download is submitted.
    let releaseLoad!: () => void;
    const loadHeld = new Promise<void>((resolve) => (releaseLoad = resolve));
    const fs = {
      ...fsp,
      open: (async (path: string, flags?: string) => {
        if (String(path).includes('cloud-tasks-') && flags === 'r') await loadHeld;
        return fsp.open(path, flags);
      }) as typeof fsp.open,
    };
    h = await startHarness({ ports: { fs } });
    web = await startUrlServer();
    web.serve('/early.txt', Buffer.from('early bytes'));
    const folder = h.fake.state.addFolder('/Early');
    const done = h.waitFor('cloud:changed', (s) => s.tasks.some((t) => t.state === 'completed'));
    const submitted = h.client.cloud.download({ urls: [`${web.origin}/early.txt`], folderId: folder.id });
    // Let the load finish only once the submission is on its way in.
    setTimeout(releaseLoad, 300);
    const [task] = unwrap(await submitted);
    expect(taskIn((await done).tasks, task!.id)?.state).toBe('completed');
    expect(unwrap(await h.client.cloud.tasks()).map((t) => t.id)).toEqual([task!.id]);
  });

  it('keeps following a running task across a restart', async () => {
    h = await startHarness();
    web = await startUrlServer();
    const body = randomBytes(120_000);
    const gate = web.serve('/later.iso', body, { holdAfter: 1000 });
    const folder = h.fake.state.addFolder('/Later');
    const progressed = h.waitFor('cloud:changed', (s) => s.tasks.some((t) => (t.percent ?? 0) > 0));
    const [task] = unwrap(
      await h.client.cloud.download({ urls: [`${web.origin}/later.iso`], folderId: folder.id }),
    );
    expect(taskIn((await progressed).tasks, task!.id)?.percent).toBeGreaterThan(0);
    await h.restart();
    expect(taskIn(unwrap(await h.client.cloud.tasks()), task!.id)?.state).toBe('running');
    gate.release();
    await h.waitFor('cloud:changed', (s) => taskIn(s.tasks, task!.id)?.state === 'completed');
    expect(h.fake.state.find('/Later/later.iso')?.md5).toBe(md5(body));
  });

  it('turns a fetch the service could not make into a failed task with the reason, and keeps the others', async () => {
    h = await startHarness();
    web = await startUrlServer();
    web.serve('/ok.txt', Buffer.from('fine'));
    const folder = h.fake.state.addFolder('/Mixed');
    const settling = h.waitFor(
      'cloud:changed',
      (s) => s.tasks.every((t) => t.state !== 'running') && s.tasks.length === 2,
    );
    const tasks = unwrap(
      await h.client.cloud.download({
        urls: [`${web.origin}/missing.txt`, `${web.origin}/ok.txt`],
        folderId: folder.id,
      }),
    );
    const [missing, fine] = tasks.map((t) => t.id);
    const settled = await settling;
    expect(taskIn(settled.tasks, missing!)).toMatchObject({
      state: 'failed',
      problems: [{ code: 'not_found', reason: 'cloud_fetch_failed', params: { status: 1 } }],
    });
    expect(taskIn(settled.tasks, fine!)?.state).toBe('completed');
    unwrap(await h.client.cloud.clearFinished());
    expect(unwrap(await h.client.cloud.tasks())).toEqual([]);
  });

  it('records a URL the service refused at once as failed, and puts downloads into the root in its own folder', async () => {
    h = await startHarness({ fake: { switches: { offlineWithoutDir: 'refuse' } } });
    web = await startUrlServer();
    const [refused] = unwrap(await h.client.cloud.download({ urls: [`${web.origin}/x.bin`], folderId: 0 }));
    // The service's refusal is worded from its reason; its own (Chinese) words wait in the details.
    expect(refused).toMatchObject({
      state: 'failed',
      problems: [
        { reason: 'service_said', detail: { serviceMessage: expect.stringContaining('请指定保存目录') } },
      ],
    });

    h.fake.switches.set({ offlineWithoutDir: 'default_folder' });
    web.serve('/root.bin', Buffer.from('root bytes'));
    const completed = h.waitFor('cloud:changed', (s) => s.tasks.some((t) => t.state === 'completed'));
    const [task] = unwrap(await h.client.cloud.download({ urls: [`${web.origin}/root.bin`], folderId: 0 }));
    expect(taskIn((await completed).tasks, task!.id)?.state).toBe('completed');
    expect(h.fake.state.find('/来自:离线下载/root.bin')).toBeDefined();
  });
});
