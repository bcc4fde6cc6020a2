/**
 * Streaming proof: a 256 MB file goes up through the sliced flow (16 slices of 16 MiB, each sent
 * as a streamed multipart body) and comes back down from the CDN, while the process's resident
 * memory (client and emulator share this process) stays far below the file size.
 */
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  complete,
  createUpload,
  downloadInfo,
  startKit,
  type CreateAnswer,
  type Kit,
} from './upload-test-kit';

/**
 * A full GC between steps, so the sampled RSS shows what is retained rather than how lazily the
 * collector returns garbage on a loaded machine.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const MiB = 1024 * 1024;
const TOTAL = 256 * MiB;
const SLICE = 16 * MiB;
const BLOCK = Buffer.from(Array.from({ length: MiB }, (_, i) => (i * 131 + (i >> 9)) & 0xff));

/** Chunk `index` (1 MiB) of the virtual file: the shared block stamped with its index. */
function chunk(index: number): Buffer {
  const out = Buffer.from(BLOCK);
  out.writeUInt32LE(index, 0);
  out.writeUInt32LE(Math.imul(index, 2654435761) >>> 0, 512 * 1024);
  return out;
}

function* chunksOf(from: number, to: number): Generator<Buffer> {
  for (let at = from; at < to; at += MiB) yield chunk(at / MiB);
}

/** A multipart body streamed chunk by chunk: text fields, then one file part. */
function multipartStream(
  fields: Record<string, string>,
  field: string,
  parts: Iterable<Buffer>,
): { body: ReadableStream<Uint8Array>; type: string } {
  const boundary = `----fakepan${Date.now()}`;
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="part"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const iterator = parts[Symbol.iterator]();
  let stage: 'head' | 'file' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 'head') {
        controller.enqueue(Buffer.from(head + fileHead));
        stage = 'file';
        return;
      }
      const next = stage === 'file' ? iterator.next() : { done: true as const, value: undefined };
      if (!next.done) return controller.enqueue(next.value);
      if (stage === 'file') controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
      stage = 'done';
      controller.close();
    },
  });
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.pan.close();
  kit = undefined;
});

describe('streaming', () => {
  it('uploads and downloads 256 MB without holding it in memory', async () => {
    kit = await startKit();
    const k = kit;
    const whole = createHash('md5');
    const sliceMd5s: string[] = [];
    for (let at = 0; at < TOTAL; at += SLICE) {
      const slice = createHash('md5');
      for (const c of chunksOf(at, at + SLICE)) {
        whole.update(c);
        slice.update(c);
      }
      sliceMd5s.push(slice.digest('hex'));
    }
    const etag = whole.digest('hex');

    collectGarbage();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const created = await createUpload(k, { parentFileID: 0, filename: 'big.bin', etag, size: TOTAL });
      const { preuploadID, servers } = created.data as Required<CreateAnswer>;
      for (let n = 1; n <= TOTAL / SLICE; n++) {
        const fields = { preuploadID, sliceNo: String(n), sliceMD5: sliceMd5s[n - 1]! };
        const { body, type } = multipartStream(fields, 'slice', chunksOf((n - 1) * SLICE, n * SLICE));
        const res = await fetch(`${servers[0]}/upload/v2/file/slice`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${k.token}`, Platform: 'open_platform', 'Content-Type': type },
          body,
          duplex: 'half',
        } as RequestInit);
        expect(((await res.json()) as { code: number }).code).toBe(0);
        collectGarbage();
      }
      let fileID = 0;
      for (let i = 0; i < 5 && !fileID; i++) fileID = (await complete(k, preuploadID)).data?.fileID ?? 0;
      expect(fileID).toBeGreaterThan(0);

      const res = await fetch((await downloadInfo(k, fileID)).data.downloadUrl);
      expect(res.headers.get('content-length')).toBe(String(TOTAL));
      const down = createHash('md5');
      let received = 0;
      for await (const piece of res.body as unknown as AsyncIterable<Uint8Array>) {
        down.update(piece);
        if (Math.floor((received + piece.length) / SLICE) > Math.floor(received / SLICE)) collectGarbage();
        received += piece.length;
      }
      expect(received).toBe(TOTAL);
      expect(down.digest('hex')).toBe(etag);
    } finally {
      clearInterval(sampler);
    }
    // Holding the file would add at least TOTAL; allocator slack on a loaded machine stays far below half.
    expect(peak - baseline).toBeLessThan(TOTAL / 2);
  }, 120_000);
});
