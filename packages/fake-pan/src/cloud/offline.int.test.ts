import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { OFFLINE_MESSAGES } from './offline-routes';

let pan: FakePan | undefined;
const origins: Server[] = [];
afterEach(async () => {
  await pan?.close();
  pan = undefined;
  for (const server of origins.splice(0)) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A loopback origin the offline download fetches from. */
async function startOrigin(
  routes: Record<string, Route>,
): Promise<{ url: string; hits: string[]; server: Server }> {
  const hits: string[] = [];
  const origin = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404).end('no');
  });
  origins.push(origin);
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`, hits, server: origin };
}

async function setup(options: Parameters<typeof startFakePan>[0] = {}) {
  pan = await startFakePan({ faults: { rateLimits: false }, ...options });
  const token = await login(pan);
  const start = (body: Record<string, unknown>) =>
    api<{ taskID: number }>(pan!, 'POST', '/api/v1/offline/download', { token, body });
  const process = (taskID: number) =>
    api<{ process: number; status: number }>(pan!, 'GET', '/api/v1/offline/download/process', {
      token,
      query: { taskID },
    });
  return { pan, token, start, process, dir: pan.state.addFolder('/in') };
}

describe('offline download', () => {
  it('fetches the URL into the folder, with process following the bytes and status 0 → 2', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const { url } = await startOrigin({
      '/files/video.mp4': (_req, res) => {
        res.writeHead(200, { 'Content-Length': 8 });
        res.write('half');
        void held.then(() => res.end('done'));
      },
    });
    const { start, process, dir, pan } = await setup();
    const env = await start({ url: `${url}/files/video.mp4`, dirID: String(dir.id) });
    expect(env.code).toBe(0);
    const { taskID } = env.data;
    await vi.waitFor(() => expect(pan.cloud.offline.get(taskID)?.process).toBe(50));
    expect((await process(taskID)).data).toEqual({ process: 50, status: 0 });
    release();
    await pan.cloud.idle();
    expect((await process(taskID)).data).toEqual({ process: 100, status: 2 });
    const placed = pan.state.find('/in/video.mp4')!;
    expect(placed).toMatchObject({ size: 8, type: 0 });
    expect(pan.cloud.offline.get(taskID)?.fileId).toBe(placed.id);
    const ticket = await api<{ downloadUrl: string }>(pan, 'GET', '/api/v1/file/download_info', {
      token: await login(pan),
      query: { fileId: placed.id },
    });
    expect(await (await fetch(ticket.data.downloadUrl)).text()).toBe('halfdone');
  });

  it('names the file from fileName, else Content-Disposition, else the URL path; clashes keep both', async () => {
    const { url } = await startOrigin({
      '/cd': (_req, res) =>
        res
          .writeHead(200, {
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('报告.pdf')}`,
          })
          .end('p'),
      '/some/path/%E5%9B%BE.png': (_req, res) => res.end('i'),
    });
    const { start, pan } = await setup();
    const dirID = pan.state.find('/in')!.id;
    await start({ url: `${url}/cd`, dirID });
    await start({ url: `${url}/some/path/%E5%9B%BE.png`, dirID });
    await start({ url: `${url}/cd`, dirID, fileName: 'chosen.bin' });
    await start({ url: `${url}/cd`, dirID, fileName: 'chosen.bin' });
    await pan.cloud.idle();
    expect(
      pan.state
        .list('/in')
        .map((n) => n.name)
        .sort(),
    ).toEqual(['chosen(1).bin', 'chosen.bin', '图.png', '报告.pdf']);
  });

  it('fails unreachable URLs and error answers (status 1, nothing placed); retries show status 3 on the clock', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 0, 1) });
    const { url, hits } = await startOrigin({});
    const { start, process, pan, dir } = await setup({ clock });
    const closed = await startOrigin({});
    const deadUrl = closed.url;
    await new Promise((r) => closed.server.close(r));
    const dead = (await start({ url: `${deadUrl}/x.bin`, dirID: dir.id })).data.taskID;
    const missing = (await start({ url: `${url}/nothing.bin`, dirID: dir.id })).data.taskID;
    await pan.cloud.idle();
    expect((await process(dead)).data).toEqual({ process: 0, status: 1 });
    expect((await process(missing)).data.status).toBe(1);
    expect(pan.cloud.offline.get(missing)?.reason).toBe('HTTP 404');
    expect(pan.state.list('/in')).toEqual([]);
    expect(hits).toEqual(['GET /nothing.bin']);

    pan.faults.set({ offlineRetries: 1, offlineRetryDelayMs: 5000 });
    const retried = (await start({ url: `${deadUrl}/y.bin`, dirID: dir.id })).data.taskID;
    await vi.waitFor(() => expect(pan.cloud.offline.get(retried)?.state).toBe('retrying'));
    expect((await process(retried)).data.status).toBe(3);
    pan.switches.set({ offlineStatusCodes: '0success-1failed-2running' });
    expect((await process(retried)).data.status).toBe(2);
    await clock.advance(5000);
    await pan.cloud.idle();
    expect((await process(retried)).data.status).toBe(1);
    pan.switches.set({ offlineStatusCodes: '0running-1failed-2success-3retrying' });
    expect((await process(retried)).data.status).toBe(1);
  });

  it('maps status per the switch: success is 0 under the other reading', async () => {
    const { url } = await startOrigin({ '/a.txt': (_req, res) => res.end('a') });
    const { start, process, pan, dir } = await setup({
      switches: { offlineStatusCodes: '0success-1failed-2running' },
    });
    const { taskID } = (await start({ url: `${url}/a.txt`, dirID: dir.id })).data;
    await pan.cloud.idle();
    expect((await process(taskID)).data).toEqual({ process: 100, status: 0 });
  });

  it('refuses non-http schemes, the root, bad names, bad folders, and an unknown task', async () => {
    const { start, process, pan, token } = await setup();
    const dir = pan.state.find('/in')!;
    for (const url of ['ftp://example.com/a', 'file:///etc/passwd', 'magnet:?xt=urn:btih:abc', 'not a url'])
      expect(await start({ url, dirID: dir.id }), url).toMatchObject({
        code: 1,
        message: OFFLINE_MESSAGES.scheme,
      });
    expect((await start({ dirID: dir.id })).code).toBe(1);
    expect(await start({ url: 'http://127.0.0.1:9/a', dirID: 0 })).toMatchObject({
      code: 1,
      message: OFFLINE_MESSAGES.root,
    });
    expect(await start({ url: 'http://127.0.0.1:9/a', dirID: dir.id, callBackUrl: 'ftp://x' })).toMatchObject(
      {
        code: 1,
        message: OFFLINE_MESSAGES.scheme,
      },
    );
    expect((await start({ url: 'http://127.0.0.1:9/a', dirID: dir.id, fileName: 'a:b' })).code).toBe(1);
    expect((await start({ url: 'http://127.0.0.1:9/a', dirID: 987654321 })).code).toBe(5066);
    const file = await pan.state.addFile('/f.txt', 'f');
    expect((await start({ url: 'http://127.0.0.1:9/a', dirID: file.id })).code).toBe(1);
    await api(pan, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [dir.id] } });
    expect((await start({ url: 'http://127.0.0.1:9/a', dirID: dir.id })).code).toBe(1);
    pan.switches.set({ offlineFileNameNeedsImageExt: true });
    const live = pan.state.addFolder('/live').id;
    expect(await start({ url: 'http://127.0.0.1:9/a', dirID: live, fileName: 'a.txt' })).toMatchObject({
      code: 1,
      message: OFFLINE_MESSAGES.imageOnly,
    });
    expect((await process(424242)).code).toBe(1);
    await pan.cloud.idle();
  });

  it('without dirID lands in the service folder (or is refused, a switch); calls the callback', async () => {
    const posted: unknown[] = [];
    const { url } = await startOrigin({
      '/a.txt': (_req, res) => res.end('abc'),
      '/hook': (req, res) => {
        let text = '';
        req.on('data', (c: Buffer) => (text += c.toString()));
        req.on('end', () => {
          posted.push(JSON.parse(text));
          res.end('ok');
        });
      },
    });
    const { start, pan } = await setup();
    const { taskID } = (await start({ url: `${url}/a.txt`, callBackUrl: `${url}/hook` })).data;
    await pan.cloud.idle();
    const placed = pan.state.find('/来自:离线下载/a.txt')!;
    expect(placed.size).toBe(3);
    expect(posted).toEqual([{ taskID, status: 2, process: 100, fileID: placed.id }]);
    await start({ url: `${url}/a.txt` });
    await pan.cloud.idle();
    expect(pan.state.list('/').map((n) => n.name)).toEqual(['in', '来自:离线下载']);
    pan.switches.set({ offlineWithoutDir: 'refuse' });
    expect(await start({ url: `${url}/a.txt` })).toMatchObject({ code: 1, message: OFFLINE_MESSAGES.noDir });
  });

  it('fails when the file does not fit the quota', async () => {
    const { url } = await startOrigin({ '/big.bin': (_req, res) => res.end('0123456789') });
    const { start, process, pan, dir } = await setup({ faults: { rateLimits: false, quotaBytes: 5 } });
    const { taskID } = (await start({ url: `${url}/big.bin`, dirID: dir.id })).data;
    await pan.cloud.idle();
    expect((await process(taskID)).data.status).toBe(1);
    expect(pan.state.list('/in')).toEqual([]);
  });

  it('close() cancels a fetch in progress', async () => {
    const { url } = await startOrigin({
      '/slow.bin': (_req, res) => {
        res.writeHead(200, { 'Content-Length': 100 });
        res.write('x');
      },
    });
    const { start, pan, dir } = await setup();
    const { taskID } = (await start({ url: `${url}/slow.bin`, dirID: dir.id })).data;
    await vi.waitFor(() => expect(pan.cloud.offline.get(taskID)?.process).toBe(1));
    await pan.close();
    expect(pan.cloud.offline.get(taskID)?.state).toBe('running');
  });
});
