import { afterEach, describe, expect, it } from 'vitest';
import { startFakePan, type FakePan } from '../index';
import { KEEP_ALIVE_MS } from './keep-alive';

let pan: FakePan | undefined;
afterEach(async () => {
  await pan?.close();
  pan = undefined;
});

describe('keep-alive', () => {
  it('tells clients every listener keeps idle connections for 65 s', async () => {
    pan = await startFakePan();
    for (const url of [
      `${pan.baseUrl}/api/v1/access_token`,
      `${pan.uploadUrl}/upload/v2/file/domain`,
      `${pan.cdnUrl}/nothing`,
    ]) {
      const res = await fetch(url, { method: 'GET' });
      await res.arrayBuffer();
      expect(res.headers.get('keep-alive'), url).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    }
  });
});
