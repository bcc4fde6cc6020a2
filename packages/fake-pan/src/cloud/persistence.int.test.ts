import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test, vi } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { startFakePan } from '../index';
import { api, login } from '../testing/api-call';

const dir = mkdtempSync(join(tmpdir(), 'fake-pan-cloud-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('shares, direct-link folders and tasks survive a restart; unfinished tasks start over', async () => {
  const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
  const options = { dataDir: dir, vip: true, clock, faults: { rateLimits: false, asyncCopyPendingMs: 1000 } };
  const first = await startFakePan(options);
  const token = await login(first);
  const file = await first.state.addFile('/pub/a.txt', 'a');
  const pub = first.state.find('/pub')!;
  const share = await api<{ shareID: number }>(first, 'POST', '/api/v1/share/create', {
    token,
    body: { shareName: 'kept', shareExpire: 30, fileIDList: String(file.id) },
  });
  await api(first, 'POST', '/api/v1/direct-link/enable', { token, body: { fileID: pub.id } });
  const done = await api<{ taskId: number }>(first, 'POST', '/api/v1/file/async/copy', {
    token,
    body: { fileIDs: [file.id], targetDirId: 0 },
  });
  await clock.advance(1000);
  await first.cloud.idle();
  const pending = await api<{ taskId: number }>(first, 'POST', '/api/v1/file/async/copy', {
    token,
    body: { fileIDs: [file.id], targetDirId: pub.id },
  });
  const offline = await api<{ taskID: number }>(first, 'POST', '/api/v1/offline/download', {
    token,
    body: { url: 'http://127.0.0.1:9/unreachable.bin', dirID: pub.id },
  });
  // The copy task waits on the clock; the offline fetch fails by itself.
  await vi.waitFor(() => expect(first.cloud.offline.get(offline.data.taskID)?.state).toBe('failed'));
  await first.close();
  expect(readdirSync(dir)).toEqual(
    expect.arrayContaining(['shares.json', 'direct-links.json', 'copy-tasks.json', 'offline-tasks.json']),
  );

  const second = await startFakePan(options);
  try {
    const again = await login(second);
    const listed = await api<{ shareList: Array<{ shareId: number; shareName: string }> }>(
      second,
      'GET',
      '/api/v1/share/list',
      {
        token: again,
      },
    );
    expect(listed.data.shareList.map((s) => [s.shareId, s.shareName])).toEqual([
      [share.data.shareID, 'kept'],
    ]);
    const url = await api<{ url: string }>(second, 'GET', '/api/v1/direct-link/url', {
      token: again,
      query: { fileID: file.id },
    });
    expect(url.code).toBe(0);
    const status = (taskId: number) =>
      api<{ status: number }>(second, 'GET', '/api/v1/file/async/copy/process', {
        token: again,
        query: { taskId },
      });
    expect((await status(done.data.taskId)).data.status).toBe(2);
    expect((await status(pending.data.taskId)).data.status).toBe(0);
    await clock.advance(1000);
    await second.cloud.idle();
    expect((await status(pending.data.taskId)).data.status).toBe(2);
    expect(
      second.state
        .list('/pub')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['a(1).txt', 'a.txt']);
    const off = await api<{ status: number }>(second, 'GET', '/api/v1/offline/download/process', {
      token: again,
      query: { taskID: offline.data.taskID },
    });
    expect(off.data.status).toBe(1);
    const next = await api<{ shareID: number }>(second, 'POST', '/api/v1/share/create', {
      token: again,
      body: { shareName: 'new', shareExpire: 0, fileIDList: String(file.id) },
    });
    expect(next.data.shareID).toBeGreaterThan(share.data.shareID);
  } finally {
    await second.close();
  }
});
