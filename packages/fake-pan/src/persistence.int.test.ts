import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { startFakePan } from './index';
import { api, login } from './testing/api-call';

const dir = mkdtempSync(join(tmpdir(), 'fake-pan-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a restart with the same data dir keeps the drive, ids, tokens and credentials', async () => {
  const first = await startFakePan({ dataDir: dir, faults: { rateLimits: false } });
  const token = await login(first);
  const folder = await api<{ dirID: number }>(first, 'POST', '/upload/v1/file/mkdir', {
    token,
    body: { name: 'kept', parentID: 0 },
  });
  const file = await first.state.addFile('/kept/a.txt', 'persist me');
  await api(first, 'POST', '/api/v1/file/trash', { token, body: { fileIDs: [file.id] } });
  const credentials = {
    clientId: first.clientId,
    clientSecret: first.clientSecret,
    oauth: first.oauth.clientId,
  };
  await first.close();
  expect(readdirSync(dir)).toEqual(
    expect.arrayContaining(['drive.json', 'tokens.json', 'identity.json', 'blobs']),
  );

  const second = await startFakePan({ dataDir: dir, faults: { rateLimits: false } });
  try {
    expect({
      clientId: second.clientId,
      clientSecret: second.clientSecret,
      oauth: second.oauth.clientId,
    }).toEqual(credentials);
    expect((await api(second, 'GET', '/api/v1/user/info', { token })).code).toBe(0);
    expect(second.state.get(folder.data.dirID)).toMatchObject({ name: 'kept', type: 1 });
    expect(second.state.get(file.id)).toMatchObject({ name: 'a.txt', trashed: true, md5: file.md5 });
    expect(second.state.spaceUsed()).toBe(10);
    const next = await api<{ dirID: number }>(second, 'POST', '/upload/v1/file/mkdir', {
      token,
      body: { name: 'new', parentID: 0 },
    });
    expect(next.data.dirID).toBeGreaterThan(file.id);
  } finally {
    await second.close();
  }
  expect(readdirSync(dir)).toContain('drive.json');
});

test('a temp data dir is removed on close', async () => {
  const pan = await startFakePan();
  const { dataDir } = pan;
  await pan.state.addFile('/x.txt', 'x');
  await pan.close();
  expect(() => readdirSync(dataDir)).toThrow();
});

test('explicit credentials win over stored ones', async () => {
  const pan = await startFakePan({ clientId: 'my-id', clientSecret: 'my-secret' });
  try {
    expect(pan.clientId).toBe('my-id');
    expect(await login(pan)).toMatch(/^eyJ/);
  } finally {
    await pan.close();
  }
});

test('a busy port rejects the start', async () => {
  const first = await startFakePan();
  try {
    const port = Number(new URL(first.baseUrl).port);
    await expect(startFakePan({ port })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    await first.close();
  }
});
