import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { md5Hex, sha1Hex } from './hashing';
import { MultipartError, parseMultipart, type MultipartOptions, type MultipartResult } from './multipart';

let dir = '';
let server: Server | undefined;
let outcome: Promise<MultipartResult | MultipartError>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fake-pan-multipart-'));
});
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

/** Starts a server that parses every request and records the outcome; returns its base URL. */
async function startParser(overrides: Partial<MultipartOptions> = {}): Promise<string> {
  let settle: (value: MultipartResult | MultipartError) => void = () => undefined;
  outcome = new Promise((resolve) => (settle = resolve));
  server = createServer((req, res) => {
    let n = 0;
    const options: MultipartOptions = {
      tempPath: (p) => join(dir, `${p}-${++n}`),
      maxFileBytes: 1 << 20,
      ...overrides,
    };
    parseMultipart(req, options).then(
      (result) => {
        settle(result);
        res.end('ok');
      },
      (error: MultipartError) => {
        settle(error);
        res.end('error');
      },
    );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

const tempFiles = async (): Promise<string[]> => readdir(dir);

describe('parseMultipart', () => {
  it('collects text fields and streams the file part to a temp file with its hashes', async () => {
    const url = await startParser({ withSha1: true });
    const bytes = Buffer.from('slice bytes '.repeat(1000));
    const form = new FormData();
    form.set('preuploadID', 'abc');
    form.set('sliceNo', '2');
    form.set('slice', new Blob([bytes]), 'x.part2');
    await fetch(url, { method: 'POST', body: form });
    const result = (await outcome) as MultipartResult;
    expect(result.fields).toEqual({ preuploadID: 'abc', sliceNo: '2' });
    expect(result.file).toMatchObject({ fieldName: 'slice', filename: 'x.part2', size: bytes.length });
    expect(result.file?.md5).toBe(md5Hex(bytes));
    expect(result.file?.sha1).toBe(sha1Hex(bytes));
    expect(await readFile(result.file!.path)).toEqual(bytes);
  });

  it('accepts fields that come after the file part, and bodies without a file', async () => {
    const url = await startParser();
    const form = new FormData();
    form.set('file', new Blob(['abc']), 'a.txt');
    form.set('filename', 'a.txt');
    await fetch(url, { method: 'POST', body: form });
    const result = (await outcome) as MultipartResult;
    expect(result.fields.filename).toBe('a.txt');
    expect(result.file?.md5).toBe(md5Hex(Buffer.from('abc')));
    expect(result.file?.sha1).toBe('');

    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const url2 = await startParser();
    const onlyFields = new FormData();
    onlyFields.set('a', '1');
    await fetch(url2, { method: 'POST', body: onlyFields });
    expect(((await outcome) as MultipartResult).file).toBeUndefined();
  });

  it('rejects a file part over the limit and removes its temp file', async () => {
    const url = await startParser({ maxFileBytes: 1000 });
    const form = new FormData();
    form.set('slice', new Blob([Buffer.alloc(200_000)]), 'big');
    await fetch(url, { method: 'POST', body: form });
    const error = (await outcome) as MultipartError;
    expect(error).toBeInstanceOf(MultipartError);
    expect(error.reason).toBe('too_large');
    expect(await tempFiles()).toEqual([]);
  });

  it('rejects a second file part', async () => {
    const url = await startParser();
    const form = new FormData();
    form.append('slice', new Blob(['a']), 'a');
    form.append('slice', new Blob(['b']), 'b');
    await fetch(url, { method: 'POST', body: form });
    expect(((await outcome) as MultipartError).reason).toBe('too_many_files');
    expect(await tempFiles()).toEqual([]);
  });

  it('rejects bodies that are not multipart', async () => {
    const url = await startParser();
    await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(((await outcome) as MultipartError).reason).toBe('not_multipart');
  });

  it('cleans up when the client aborts mid-file', async () => {
    const url = new URL(await startParser());
    const boundary = 'XyZ';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="slice"; filename="s"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const req = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': 10_000_000 },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(Buffer.alloc(64 * 1024, 1));
    // Wait until the temp file exists, then drop the connection.
    for (let i = 0; i < 200 && (await tempFiles()).length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    req.destroy();
    const error = (await outcome) as MultipartError;
    expect(error.reason).toBe('aborted');
    expect(await tempFiles()).toEqual([]);
  });
});
