import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import type { FakePanOptions } from '@pandesk/fake-pan';
import type { CopyTaskState, OfflineProgress } from './cloud-types';
import type { FetchLike } from './http/transport';
import { startPair, type Pair } from './testing/fake-pan-pair';

let pair: Pair | undefined;
const origins: Server[] = [];
afterEach(async () => {
  await pair?.fake.close();
  pair = undefined;
  for (const s of origins.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/**
 * Client and fake-pan on one virtual clock that stands still while an HTTP exchange is in
 * flight, so background tasks and the client's polling interleave the same way on every run.
 */
async function virtualPair(fakeOptions: FakePanOptions = {}): Promise<Pair> {
  let inFlight = 0;
  const clock = createManualClock({ start: Date.UTC(2026, 0, 1), auto: true, busy: () => inFlight > 0 });
  const counting: FetchLike = async (input, init) => {
    inFlight++;
    try {
      const res = await fetch(input, init);
      const text = await res.text();
      return new Response(text, { status: res.status, headers: res.headers });
    } finally {
      inFlight--;
      clock.poke();
    }
  };
  return startPair({ clock, ...fakeOptions }, { clock, fetch: counting });
}

/** A loopback origin serving `body` at every path, with a Content-Length. */
async function origin(body: string): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Length': body.length }).end(body));
  origins.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('offline download against fake-pan', () => {
  it('start, then wait until done; the file is in the folder', async () => {
    pair = await startPair();
    const url = await origin('fetched bytes');
    const folder = pair.fake.state.addFolder('/in');
    const taskId = await pair.client.offline.start({ url: `${url}/report.pdf`, folderId: folder.id });
    const seen: OfflineProgress[] = [];
    const done = await pair.client.offline.wait(taskId, { intervalMs: 5, onProgress: (p) => seen.push(p) });
    expect(done).toEqual({ taskId, percent: 100, state: 'done', rawStatus: 2 });
    expect(seen.at(-1)).toEqual(done);
    expect(pair.fake.state.find('/in/report.pdf')?.size).toBe(13);
    expect(await pair.client.offline.progress(taskId)).toEqual(done);
  });

  it('done is read right under the other status numbering too', async () => {
    pair = await startPair({ switches: { offlineStatusCodes: '0success-1failed-2running' } });
    const url = await origin('x');
    const taskId = await pair.client.offline.start({
      url: `${url}/a.bin`,
      folderId: pair.fake.state.addFolder('/in').id,
    });
    expect(await pair.client.offline.wait(taskId, { intervalMs: 5 })).toMatchObject({
      state: 'done',
      rawStatus: 0,
    });
  });

  it('a failed task is a service error with its raw status; retrying shows while the service retries', async () => {
    pair = await virtualPair({ faults: { offlineRetries: 1, offlineRetryDelayMs: 3000 } });
    const folder = pair.fake.state.addFolder('/in');
    const taskId = await pair.client.offline.start({
      url: 'http://127.0.0.1:9/gone.bin',
      folderId: folder.id,
    });
    const states: string[] = [];
    await expect(
      pair.client.offline.wait(taskId, { onProgress: (p) => states.push(p.state) }),
    ).rejects.toMatchObject({ code: 'service', serviceCode: 1, endpoint: 'offline.process' });
    expect(states).toContain('retrying');
    expect(states.at(-1)).toBe('failed');
  });

  it('refuses what the reference rules out before sending; polling is bounded and abortable', async () => {
    pair = await virtualPair({ faults: { offlineRetries: 5, offlineRetryDelayMs: 60_000 } });
    const { client } = pair;
    await expect(client.offline.start({ url: 'ftp://host/a' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(client.offline.start({ url: 'http://h/a', folderId: 0 })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(client.offline.start({ url: 'http://h/a', fileName: 'a/b' })).rejects.toMatchObject({
      code: 'invalid_name',
    });
    await expect(client.offline.start({ url: 'http://h/a', callbackUrl: 'mailto:x' })).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    const folder = pair.fake.state.addFolder('/in');
    const taskId = await client.offline.start({ url: 'http://127.0.0.1:9/slow.bin', folderId: folder.id });
    await expect(client.offline.wait(taskId, { budget: 3 })).rejects.toMatchObject({ code: 'timeout' });
    const stop = new AbortController();
    const waiting = client.offline.wait(taskId, { signal: stop.signal, onProgress: () => stop.abort() });
    await expect(waiting).rejects.toMatchObject({ code: 'aborted' });
    await expect(client.offline.progress(424242)).rejects.toMatchObject({ serviceCode: 1 });
  });

  it('without a folder, the file lands in the service folder', async () => {
    pair = await startPair();
    const url = await origin('abc');
    const taskId = await pair.client.offline.start({ url: `${url}/x.txt` });
    await pair.client.offline.wait(taskId, { intervalMs: 5 });
    expect(pair.fake.state.find('/来自:离线下载/x.txt')?.size).toBe(3);
  });
});

describe('copy against fake-pan', () => {
  it('copies one file (either answer key) and reports name clashes per the switch', async () => {
    pair = await startPair();
    const { client, fake } = pair;
    const file = await fake.state.addFile('/a/x.txt', 'xx');
    const b = fake.state.addFolder('/b').id;
    const id = await client.files.copy(file.id, b);
    expect(fake.state.get(id)).toMatchObject({ name: 'x.txt', parentId: b, md5: file.md5 });
    fake.switches.set({ copyResultKey: 'targetFileID' });
    const again = await client.files.copy(file.id, b);
    expect(fake.state.get(again)?.name).toBe('x(1).txt');
    fake.switches.set({ copyNameClash: 'error' });
    await expect(client.files.copy(file.id, b)).rejects.toMatchObject({ code: 'name_conflict' });
    await expect(client.files.copy(987654321, b)).rejects.toMatchObject({ code: 'not_found' });
    fake.faults.set({ quotaBytes: 6 });
    fake.switches.set({ copyNameClash: 'keep_both' });
    await expect(client.files.copy(file.id, 0)).rejects.toMatchObject({ code: 'quota' });
  });

  it('copies folders asynchronously: pending → running → done on the clock', async () => {
    pair = await virtualPair({ faults: { asyncCopyPendingMs: 1500, asyncCopyRunMs: 1500 } });
    const { client, fake } = pair;
    await fake.state.addFile('/src/deep/a.txt', 'a');
    const src = fake.state.find('/src')!.id;
    const dest = fake.state.addFolder('/dest').id;
    const taskId = await client.files.copyMany([src], dest);
    const states: CopyTaskState[] = [];
    await client.files.waitForCopy(taskId, { onStatus: (s) => states.push(s) });
    expect(states).toEqual(['pending', 'pending', 'running', 'done']);
    expect(fake.state.find('/dest/src/deep/a.txt')?.size).toBe(1);
  });

  it('a failed copy task is a service error; limits are checked before sending', async () => {
    pair = await virtualPair({ faults: { asyncCopyPendingMs: 1000 } });
    const { client, fake } = pair;
    const file = await fake.state.addFile('/x.bin', 'x');
    const other = await fake.state.addFile('/y.bin', 'y');
    const taskId = await client.files.copyMany([file.id, other.id], 0);
    fake.state.drive.removeSubtree(other.id); // gone before the task runs: nothing is copied
    await expect(client.files.waitForCopy(taskId)).rejects.toMatchObject({ code: 'service' });
    expect(await client.files.copyStatus(taskId)).toBe('failed');
    expect(fake.state.list('/').map((n) => n.name)).toEqual(['x.bin']);
    await expect(client.files.copyMany([], 0)).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(
      client.files.copyMany(
        Array.from({ length: 3001 }, () => file.id),
        0,
      ),
    ).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(client.files.copy(file.id, -1)).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('async copy is not repeated after a dropped answer; progress reads are', async () => {
    pair = await startPair();
    const { client, fake } = pair;
    const file = await fake.state.addFile('/x.bin', 'x');
    await client.user.info(); // the token is in hand, so the fault meets the copy itself
    fake.faults.set({ rawHttpErrorNext: 1, rawHttpErrorStatus: 504 });
    await expect(client.files.copyMany([file.id], 0)).rejects.toMatchObject({ code: 'server' });
    const taskId = await client.files.copyMany([file.id], 0);
    fake.faults.set({ rawHttpErrorNext: 2, rawHttpErrorStatus: 503 });
    await client.files.waitForCopy(taskId, { intervalMs: 5 });
    expect(
      fake.state
        .list('/')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['x(1).bin', 'x.bin']);
  });
});
