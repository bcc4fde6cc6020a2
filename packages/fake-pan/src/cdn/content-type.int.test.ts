import { afterEach, expect, test } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { api, login } from '../testing/api-call';
import { contentTypeOf } from './cdn-server';

let pan: FakePan | undefined;
afterEach(async () => {
  await pan?.close();
  pan = undefined;
});

test('Content-Type follows the file extension', () => {
  expect(contentTypeOf('a.png')).toBe('image/png');
  expect(contentTypeOf('Movie.MP4')).toBe('video/mp4');
  expect(contentTypeOf('notes.txt')).toBe('text/plain; charset=utf-8');
  expect(contentTypeOf('paper.pdf')).toBe('application/pdf');
  expect(contentTypeOf('photo.jpeg')).toBe('image/jpeg');
  expect(contentTypeOf('data.weird-ext')).toBe('application/octet-stream');
  expect(contentTypeOf('txt')).toBe('application/octet-stream');
  expect(contentTypeOf('.bashrc')).toBe('application/octet-stream');
});

test('signed CDN downloads carry the Content-Type of their file name', async () => {
  pan = await startFakePan({ faults: { rateLimits: false } });
  const token = await login(pan);
  const typeOf = async (name: string): Promise<string | null> => {
    const file = await pan!.state.addFile(`/${name}`, `bytes of ${name}`);
    const info = await api<{ downloadUrl: string }>(pan!, 'GET', '/api/v1/file/download_info', {
      token,
      query: { fileId: file.id },
    });
    const res = await fetch(info.data.downloadUrl, { method: 'HEAD' });
    return res.headers.get('content-type');
  };
  expect(await typeOf('clip.mp4')).toBe('video/mp4');
  expect(await typeOf('readme.txt')).toBe('text/plain; charset=utf-8');
  expect(await typeOf('doc.pdf')).toBe('application/pdf');
  expect(await typeOf('blob.bin')).toBe('application/octet-stream');
});
