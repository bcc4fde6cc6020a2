/**
 * Byte accounting (`FakePan.traffic`) and the upload host's bandwidth cap, over real HTTP with a
 * plain client: bytes are counted per file MD5 and per session as they pass, cut and abandoned
 * transfers as far as they got; the cap slows the sender down.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bytesOf,
  createUpload,
  downloadInfo,
  md5,
  postForm,
  postSlice,
  startKit,
  type CreateAnswer,
  type Kit,
} from '../api/upload-test-kit';

const KiB = 1024;
let kit: Kit | undefined;
afterEach(async () => {
  await kit?.pan.close();
  kit = undefined;
});

async function session(
  k: Kit,
  bytes: Buffer,
  name: string,
): Promise<{ preuploadID: string; server: string }> {
  const created = await createUpload(k, {
    parentFileID: 0,
    filename: name,
    etag: md5(bytes),
    size: bytes.length,
    duplicate: 1,
  });
  const { preuploadID, servers } = created.data as Required<CreateAnswer>;
  const [server] = servers;
  if (server === undefined) throw new Error('create offered no upload server');
  return { preuploadID, server };
}

/** Sends the first `sendBytes` of a slice request's body, then drops the connection. */
async function abandonSlice(k: Kit, url: string, preuploadID: string, slice: Buffer, sendBytes: number) {
  const boundary = 'abandoned-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="preuploadID"\r\n\r\n${preuploadID}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="sliceNo"\r\n\r\n1\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="sliceMD5"\r\n\r\n${md5(slice)}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="slice"; filename="part1"\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const req = request(`${url}/upload/v2/file/slice`, {
    method: 'POST',
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + slice.length + tail.length,
      platform: 'open_platform',
      authorization: `Bearer ${k.token}`,
    },
  });
  req.on('error', () => undefined);
  req.write(Buffer.concat([head, slice.subarray(0, sendBytes)]));
  return { sent: head.length + sendBytes, drop: () => req.destroy() };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 2000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('traffic accounting', () => {
  it('counts CDN body bytes per file MD5, a cut response as far as it went', async () => {
    kit = await startKit();
    const content = bytesOf(200 * KiB, 1);
    const node = await kit.pan.state.addFile('/a.bin', content);
    const url = (await downloadInfo(kit, node.id)).data.downloadUrl;
    await (await fetch(url)).arrayBuffer();
    await (await fetch(url, { headers: { Range: 'bytes=0-999' } })).arrayBuffer();
    expect(kit.pan.traffic.cdnBytes(node.md5)).toBe(content.length + 1000);
    kit.pan.faults.set({ cdnCutAfterBytes: 50 * KiB, cdnCutNext: 1 });
    await expect((await fetch(url)).arrayBuffer()).rejects.toThrow();
    expect(kit.pan.traffic.cdnBytes(node.md5)).toBe(content.length + 1000 + 50 * KiB);
    expect(kit.pan.traffic.cdnBytes(md5(bytesOf(10, 2)))).toBe(0);
    // Three requests, each answered with a body of that content (one of them cut).
    expect(kit.pan.traffic.cdnRequests(node.md5)).toBe(3);
    expect(kit.pan.traffic.cdnBytesTotal()).toBe(content.length + 1000 + 50 * KiB);
    // A refused request is a request too, but serves no content.
    expect((await fetch(`${url}x`)).status).toBe(403);
    expect(kit.pan.traffic.cdnRequests()).toBe(4);
    expect(kit.pan.traffic.cdnRequests(node.md5)).toBe(3);
    kit.pan.traffic.reset();
    expect(kit.pan.traffic.cdnBytes(node.md5)).toBe(0);
    expect(kit.pan.traffic.cdnRequests()).toBe(0);
  });

  it('counts slice bodies per session and per file MD5, and single-step bodies per MD5', async () => {
    kit = await startKit({ switches: { sliceSize: 64 * KiB } });
    const file = bytesOf(100 * KiB, 3);
    const s = await session(kit, file, 'f.bin');
    await postSlice(kit, s.server, s.preuploadID, 1, file.subarray(0, 64 * KiB));
    await postSlice(kit, s.server, s.preuploadID, 2, file.subarray(64 * KiB));
    const sliced = kit.pan.traffic.sessionBytes(s.preuploadID);
    // The bodies carry the slices plus their multipart framing and text fields.
    expect(sliced).toBeGreaterThan(file.length);
    expect(sliced).toBeLessThan(file.length + 2 * KiB);
    expect(kit.pan.traffic.uploadBytes(md5(file))).toBe(sliced);

    const small = bytesOf(30 * KiB, 4);
    const fields = {
      parentFileID: '0',
      filename: 's.bin',
      etag: md5(small),
      size: String(small.length),
      duplicate: '1',
    };
    const answer = await postForm(kit, `${kit.pan.uploadUrl}/upload/v2/file/single/create`, fields, {
      field: 'file',
      name: 's.bin',
      bytes: small,
    });
    expect(answer.code).toBe(0);
    expect(kit.pan.traffic.uploadBytes(md5(small))).toBeGreaterThan(small.length);
    expect(kit.pan.traffic.uploadBytes(md5(small))).toBeLessThan(small.length + 2 * KiB);
  });

  it('counts the bytes of a slice the client abandoned mid-body', async () => {
    kit = await startKit({ switches: { sliceSize: 256 * KiB } });
    const file = bytesOf(256 * KiB, 5);
    const s = await session(kit, file, 'cut.bin');
    const partial = await abandonSlice(kit, s.server, s.preuploadID, file, 100 * KiB);
    const pan = kit.pan;
    await until(() => pan.traffic.sessionBytes(s.preuploadID) === partial.sent, 'the partial body');
    partial.drop();
    expect(pan.traffic.uploadBytes(md5(file))).toBe(partial.sent);
  });

  it('reads upload bodies no faster than uploadBytesPerSecond', async () => {
    kit = await startKit({ switches: { sliceSize: 256 * KiB }, faults: { uploadBytesPerSecond: 100 * KiB } });
    const file = bytesOf(256 * KiB, 6);
    const s = await session(kit, file, 'slow.bin');
    const started = performance.now();
    const answer = await postSlice(kit, s.server, s.preuploadID, 1, file);
    expect(answer.code).toBe(0);
    // 256 KiB at 100 KiB/s needs about 2.5 s; pacing can only make it slower, so a lower bound is safe.
    expect(performance.now() - started).toBeGreaterThan(2000);
  });
});
