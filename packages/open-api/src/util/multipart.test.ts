import { describe, expect, it } from 'vitest';
import { buildMultipart } from './multipart';

const text = 'x'.repeat(1024 * 1024 + 5) + 'end';
const bytes = new TextEncoder().encode(text);

describe('multipart bodies', () => {
  it('streams a reader body piece by piece with its exact length, reading each piece once', async () => {
    const reads: Array<[number, number]> = [];
    const reader = {
      size: bytes.byteLength,
      read: async (into: Uint8Array, offset: number) => {
        reads.push([offset, into.byteLength]);
        into.set(bytes.subarray(offset, offset + into.byteLength));
      },
    };
    const built = buildMultipart([['sliceNo', '1']], { field: 'slice', filename: 'p1', body: reader }, 'B');
    expect(built.stream).toBe(true);
    const sent = await new Response(built.body).text();
    expect(sent).toBe(
      '--B\r\nContent-Disposition: form-data; name="sliceNo"\r\n\r\n1\r\n' +
        '--B\r\nContent-Disposition: form-data; name="slice"; filename="p1"\r\n' +
        `Content-Type: application/octet-stream\r\n\r\n${text}\r\n--B--\r\n`,
    );
    expect(built.length).toBe(new TextEncoder().encode(sent).byteLength);
    expect(reads).toEqual([
      [0, 1024 * 1024],
      [1024 * 1024, 8],
    ]);
  });

  it('reports the bytes the client has taken as the body streams, ending with all of them', async () => {
    const sent: number[] = [];
    const reader = {
      size: bytes.byteLength,
      read: async (into: Uint8Array, offset: number) =>
        void into.set(bytes.subarray(offset, offset + into.byteLength)),
      sent: (n: number) => void sent.push(n),
    };
    const built = buildMultipart([], { field: 'slice', filename: 'p', body: reader }, 'B');
    const stream = (built.body as ReadableStream<Uint8Array>).getReader();
    await stream.read(); // head
    expect(sent).toEqual([]);
    await stream.read(); // first piece: asked for, so nothing of the reader taken yet
    expect(sent).toEqual([0]);
    await stream.read(); // second piece: the first was taken
    expect(sent).toEqual([0, 1024 * 1024]);
    await stream.read(); // tail: everything taken
    expect(sent).toEqual([0, 1024 * 1024, bytes.byteLength]);
  });

  it('a failed read fails the stream', async () => {
    const failing = { size: 3, read: () => Promise.reject(new Error('EIO')) };
    const built = buildMultipart([], { field: 'slice', filename: 'p', body: failing }, 'B');
    await expect(new Response(built.body).text()).rejects.toThrow('EIO');
  });
});
