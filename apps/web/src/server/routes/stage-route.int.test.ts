import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostKit } from '../testing/host-kit';
import type { HostKit } from '../testing/host-kit';

let kit: HostKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

interface StageRequest {
  path: string;
  body?: string;
  batch?: string;
  secret?: string | null;
  origin?: string;
  kind?: 'folder';
  rawPathHeader?: boolean;
}

function stage(k: HostKit, r: StageRequest): Promise<Response> {
  const headers: Record<string, string> = {
    'x-pandesk-batch': r.batch ?? 'drop-0001',
    'x-pandesk-path': r.rawPathHeader ? r.path : encodeURIComponent(r.path),
  };
  const secret = r.secret === undefined ? k.host.secret : r.secret;
  if (secret !== null) headers['x-pandesk-key'] = secret;
  if (r.origin !== undefined) headers.origin = r.origin;
  if (r.kind !== undefined) headers['x-pandesk-kind'] = r.kind;
  return fetch(`${k.host.origin}/api/stage`, { method: 'POST', headers, body: r.body ?? '' });
}

describe('POST /api/stage', () => {
  it('writes a file (keeping its folder path) and answers its path and top-level entry', async () => {
    kit = await startHostKit();
    const res = await stage(kit, { path: '相册/2025/a b.txt', body: 'hello', origin: kit.host.origin });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { path: string; topLevel: string };
    expect(answer).toEqual({
      path: join(kit.stagingRoot, 'drop-0001', '相册', '2025', 'a b.txt'),
      topLevel: join(kit.stagingRoot, 'drop-0001', '相册'),
    });
    expect(await readFile(answer.path, 'utf8')).toBe('hello');
  });

  it('creates empty folders on request', async () => {
    kit = await startHostKit();
    const res = await stage(kit, { path: 'empty/inner', kind: 'folder' });
    expect(res.status).toBe(200);
    expect(await readdir(join(kit.stagingRoot, 'drop-0001', 'empty', 'inner'))).toEqual([]);
  });

  it.each(['../escape.txt', 'a/../../escape.txt', '/etc/passwd', '..', 'C:/x.txt', 'a\\..\\b.txt', 'a//b'])(
    'refuses the unsafe path %j with 400 and writes nothing',
    async (path) => {
      kit = await startHostKit();
      const res = await stage(kit, { path, body: 'x' });
      expect(res.status).toBe(400);
      expect(await readdir(kit.stagingRoot).catch(() => [])).toEqual([]);
      expect(await readdir(kit.dir)).not.toContain('escape.txt');
    },
  );

  it('refuses bad batch ids and undecodable paths', async () => {
    kit = await startHostKit();
    expect((await stage(kit, { path: 'a.txt', batch: '../../x' })).status).toBe(400);
    expect((await stage(kit, { path: '%E0%A4%A', rawPathHeader: true })).status).toBe(400);
  });

  it('answers 409 for the same file twice in one batch', async () => {
    kit = await startHostKit();
    expect((await stage(kit, { path: 'a.txt', body: '1' })).status).toBe(200);
    expect((await stage(kit, { path: 'a.txt', body: '2' })).status).toBe(409);
  });

  it('needs the launch secret', async () => {
    kit = await startHostKit();
    expect((await stage(kit, { path: 'a.txt', secret: null })).status).toBe(401);
    expect((await stage(kit, { path: 'a.txt', secret: 'nope' })).status).toBe(401);
    expect(await readdir(kit.stagingRoot).catch(() => [])).toEqual([]);
  });

  it('refuses foreign origins even with the secret', async () => {
    kit = await startHostKit();
    const res = await stage(kit, { path: 'a.txt', origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(await readdir(kit.stagingRoot).catch(() => [])).toEqual([]);
  });
});

describe('the page and its headers', () => {
  it('serves the UI with a strict CSP, and without the secret anywhere in it', async () => {
    kit = await startHostKit();
    const res = await fetch(`${kit.host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const body = await res.text();
    expect(body).toContain('PanDesk');
    expect(body).not.toContain(kit.host.secret);
    expect(kit.host.url).toBe(`${kit.host.origin}/#k=${kit.host.secret}`);
  });

  it('refuses other Host names (DNS rebinding) and paths outside the UI folder', async () => {
    kit = await startHostKit();
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request(
        {
          host: '127.0.0.1',
          port: kit!.host.port,
          path: '/',
          headers: { host: `evil.example:${kit!.host.port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ).end();
    });
    expect(status).toBe(403);
    expect((await fetch(`${kit.host.origin}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${kit.host.origin}/missing.js`)).status).toBe(404);
  });
});

describe('long paths', () => {
  it('a path too long for the host file system is refused with 400 and its words, not 500', async () => {
    kit = await startHostKit();
    const path = Array.from({ length: 40 }, (_, i) => `文件夹${i}`.padEnd(60, '夹')).join('/') + '/f.txt';
    expect(encodeURIComponent(path).length).toBeGreaterThan(16 * 1024);
    const res = await stage(kit, { path, body: 'deep' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('too long');
  });
});
