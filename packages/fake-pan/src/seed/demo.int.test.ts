import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { BIG_FOLDER_COUNT, BIG_FOLDER_NAME, seedDemo } from './demo';

let a: FakePan;
let b: FakePan;

beforeAll(async () => {
  [a, b] = await Promise.all([startFakePan({ seed: 'demo' }), startFakePan({ seed: 'demo' })]);
});
afterAll(() => Promise.all([a.close(), b.close()]));

const fingerprint = (pan: FakePan) =>
  [...pan.context.state.tree.values()].map(
    (n) => `${n.id} ${pan.state.pathOf(n.id)} ${n.type} ${n.size} ${n.md5} ${n.trashed} ${n.createAt}`,
  );

test('the demo drive is the same on every run (ids, names, sizes, hashes, times)', () => {
  expect(fingerprint(a)).toEqual(fingerprint(b));
});

test('it has the promised folders, a few hundred small files, two large files and a big folder', () => {
  const top = a.state.list('/').map((n) => n.name);
  expect(top).toEqual(
    expect.arrayContaining(['Documents', 'Photos', 'Videos', 'Music', 'Projects', BIG_FOLDER_NAME]),
  );
  expect(a.state.find('/Photos/2024')?.type).toBe(1);
  expect(a.state.find('/Projects/pandesk/src')?.type).toBe(1);
  expect(a.state.find('/Videos/holiday-2024.mp4')?.size).toBe(40 * 1024 * 1024);
  expect(a.state.find('/Backups/archive-2024.zip')?.size).toBe(24 * 1024 * 1024);
  const big = a.state.find(`/${BIG_FOLDER_NAME}`);
  expect(a.state.list(big?.id ?? -1)).toHaveLength(BIG_FOLDER_COUNT);
  const small = [...a.context.state.tree.values()].filter(
    (n) => n.type === 0 && n.parentId !== big?.id && n.size < 16 * 1024,
  );
  expect(small.length).toBeGreaterThanOrEqual(200);
  expect(new Set(small.map((n) => n.name.split('.').pop()))).toEqual(
    new Set(['txt', 'md', 'json', 'jpg', 'png', 'mp3', 'mp4', 'ts']),
  );
  expect(a.state.list('/Documents').some((n) => n.trashed)).toBe(true);
});

test('every file node has its bytes in the content store', () => {
  for (const node of a.context.state.tree.values()) {
    if (node.type === 0) expect(a.context.content.has(node.md5, node.size)).toBe(true);
  }
});

test('a seeded file downloads with the listed MD5 over the API and CDN', async () => {
  const token = await login(a);
  const file = a.state.find('/Documents/note-000.txt');
  const info = await api<{ downloadUrl: string }>(a, 'GET', '/api/v1/file/download_info', {
    token,
    query: { fileId: file?.id ?? 0 },
  });
  const bytes = Buffer.from(await (await fetch(info.data.downloadUrl)).arrayBuffer());
  const { createHash } = await import('node:crypto');
  expect(createHash('md5').update(bytes).digest('hex')).toBe(file?.md5);
});

test('seeding again leaves a non-empty drive alone', async () => {
  const before = a.context.state.tree.size;
  await seedDemo(a.context);
  expect(a.context.state.tree.size).toBe(before);
});
