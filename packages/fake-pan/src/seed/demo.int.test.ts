import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { FileNode } from '../core/drive-state';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { BIG_FOLDER_COUNT, BIG_FOLDER_NAME, seedDemo } from './demo';
import { DEMO_JPEG_SIZE, DEMO_PNG_SIZE } from './demo-content';

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

/** Every distinct (content, extension) pair on the drive: the big folder's 20,000 files share 16 blobs. */
function contentByExtension(pan: FakePan): Map<string, { node: FileNode; bytes: Buffer }[]> {
  const seen = new Set<string>();
  const byExt = new Map<string, { node: FileNode; bytes: Buffer }[]>();
  for (const node of pan.context.state.tree.values()) {
    const ext = node.name.split('.').pop() ?? '';
    const key = `${node.md5} ${node.size} ${ext}`;
    if (node.type !== 0 || node.size > 1024 * 1024 || seen.has(key)) continue;
    seen.add(key);
    const bytes = readFileSync(pan.context.content.blobPath(node.md5, node.size));
    byExt.set(ext, [...(byExt.get(ext) ?? []), { node, bytes }]);
  }
  return byExt;
}

test('small files are real content of their type, in the big folder too', () => {
  const byExt = contentByExtension(a);
  const files = (ext: string) => byExt.get(ext) ?? [];
  const bigId = a.state.find(`/${BIG_FOLDER_NAME}`)?.id;
  const inBig = (ext: string) => files(ext).filter(({ node }) => node.parentId === bigId);
  // 80 photos + 2 big-folder blobs; 40 pictures + 2 blobs.
  expect([files('jpg').length, inBig('jpg').length]).toEqual([82, 2]);
  expect([files('png').length, inBig('png').length]).toEqual([42, 2]);
  for (const { node, bytes } of files('jpg')) {
    const image = jpeg.decode(bytes, { useTArray: true });
    expect({ name: node.name, width: image.width, height: image.height }).toEqual({
      name: node.name,
      ...DEMO_JPEG_SIZE,
    });
  }
  for (const { node, bytes } of files('png')) {
    const image = PNG.sync.read(bytes);
    expect({ name: node.name, width: image.width, height: image.height }).toEqual({
      name: node.name,
      ...DEMO_PNG_SIZE,
    });
  }
  for (const { bytes } of files('json')) {
    const invoice = JSON.parse(bytes.toString('utf8')) as { lines: { amount: number }[]; total: number };
    expect(invoice.lines.length).toBeGreaterThan(0);
    expect(invoice.total).toBeCloseTo(
      invoice.lines.reduce((sum, line) => sum + line.amount, 0),
      2,
    );
  }
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const ext of ['txt', 'md', 'ts', 'log', 'csv']) {
    expect(files(ext).length).toBeGreaterThan(0);
    for (const { node, bytes } of files(ext)) {
      // Printable text: valid UTF-8 throughout (a fatal decoder throws), no control characters but line feeds.
      const controls = [...utf8.decode(bytes)].filter((ch) => /\p{Cc}/u.test(ch) && ch !== '\n');
      expect({ name: node.name, controls }).toEqual({ name: node.name, controls: [] });
    }
  }
  for (const { bytes } of files('md')) {
    const text = bytes.toString('utf8');
    expect(text).toMatch(/^# .+\n/);
    expect(text).toMatch(/^- .+$/m);
    expect(text).toMatch(/^```ts\n[\s\S]+?\n```$/m);
  }
  for (const { bytes } of files('ts')) expect(bytes.toString('utf8')).toMatch(/^export (const|function) /m);
});

test('every small file stays under 16 KiB', () => {
  const large = new Set(['holiday-2024.mp4', 'archive-2024.zip']);
  const small = [...a.context.state.tree.values()].filter((n) => n.type === 0 && !large.has(n.name));
  expect(small.filter((n) => n.size >= 16 * 1024).map((n) => n.name)).toEqual([]);
});
