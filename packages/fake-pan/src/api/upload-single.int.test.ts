import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../testing/api-call';
import { bytesOf, md5, postForm, sha1, startKit, uploadBytes, type Kit } from './upload-test-kit';

let kit: Kit | undefined;
afterEach(async () => {
  await kit?.pan.close();
  kit = undefined;
});

function single(k: Kit, fields: Record<string, string>, bytes: Uint8Array | undefined, field = 'file') {
  const file = bytes ? { field, name: fields.filename ?? 'f', bytes } : undefined;
  return postForm(k, `${k.pan.uploadUrl}/upload/v2/file/single/create`, fields, file);
}

const fieldsFor = (bytes: Uint8Array, filename: string, extra: Record<string, string> = {}) => ({
  parentFileID: '0',
  filename,
  etag: md5(bytes),
  size: String(bytes.length),
  ...extra,
});

describe('single-step upload', () => {
  it('stores the file in one multipart request and answers {fileID, completed: true}', async () => {
    kit = await startKit();
    const bytes = bytesOf(300_000, 21);
    const env = await single(
      kit,
      fieldsFor(bytes, 'one.bin', { duplicate: '0', containDir: 'false' }),
      bytes,
    );
    expect(env).toMatchObject({ code: 0, data: { completed: true } });
    const { fileID } = env.data as { fileID: number };
    expect(kit.pan.state.get(fileID)).toMatchObject({ name: 'one.bin', size: bytes.length, md5: md5(bytes) });
    expect(kit.pan.context.content.findBySha1(sha1(bytes), bytes.length)?.md5).toBe(md5(bytes));
  });

  it('refuses bytes that differ from etag or size with 文件上传失败 and stores nothing', async () => {
    kit = await startKit();
    const bytes = bytesOf(1000, 22);
    const wrongEtag = await single(
      kit,
      { ...fieldsFor(bytes, 'bad.bin'), etag: md5(bytesOf(1000, 23)) },
      bytes,
    );
    expect(wrongEtag).toMatchObject({ code: 1, message: '文件上传失败' });
    const wrongSize = await single(kit, { ...fieldsFor(bytes, 'bad.bin'), size: '999' }, bytes);
    expect(wrongSize.code).not.toBe(0);
    expect(kit.pan.state.find('/bad.bin')).toBeUndefined();
    expect(kit.pan.context.content.has(md5(bytes), bytes.length)).toBe(false);
  });

  it('applies the 1 GB limit, name rules, containDir and duplicate', async () => {
    kit = await startKit();
    const bytes = bytesOf(100, 24);
    expect(
      (await single(kit, { ...fieldsFor(bytes, 'big.bin'), size: String(1024 ** 3 + 1) }, bytes)).code,
    ).not.toBe(0);
    expect((await single(kit, fieldsFor(bytes, 'a|b.bin'), bytes)).code).toBe(1);
    expect((await single(kit, fieldsFor(bytes, 'x.bin'), undefined)).code).not.toBe(0);
    expect((await single(kit, fieldsFor(bytes, 'x.bin'), bytes, 'slice')).code).not.toBe(0);
    const nested = await single(kit, fieldsFor(bytes, '/docs/x.bin', { containDir: 'true' }), bytes);
    expect(nested.code).toBe(0);
    expect(kit.pan.state.find('/docs/x.bin')?.md5).toBe(md5(bytes));
    expect((await single(kit, fieldsFor(bytes, '/docs/x.bin', { containDir: 'true' }), bytes)).code).not.toBe(
      0,
    );
    const both = await single(
      kit,
      fieldsFor(bytes, '/docs/x.bin', { containDir: 'true', duplicate: '1' }),
      bytes,
    );
    expect(kit.pan.state.get((both.data as { fileID: number }).fileID)?.name).toBe('x(1).bin');
  });

  it('is rapid when the content already exists', async () => {
    kit = await startKit();
    const bytes = bytesOf(5000, 25);
    await uploadBytes(kit, 'first.bin', bytes);
    const env = await single(kit, fieldsFor(bytes, 'second.bin'), bytes);
    expect(env).toMatchObject({ code: 0, data: { completed: true } });
    expect(kit.pan.state.find('/second.bin')?.md5).toBe(md5(bytes));
  });
});

describe('sha1_reuse', () => {
  it('hits only when (sha1, size) is stored, with JSON or form-encoded bodies', async () => {
    kit = await startKit();
    const k = kit;
    const bytes = bytesOf(4000, 26);
    await uploadBytes(k, 'source.bin', bytes);
    const reuse = (body: Record<string, unknown>) =>
      api<{ fileID: number; reuse: boolean }>(k.pan, 'POST', '/upload/v2/file/sha1_reuse', {
        token: k.token,
        body,
      });

    const hit = await reuse({
      parentFileID: 0,
      filename: 'copy.bin',
      sha1: sha1(bytes),
      size: bytes.length,
      duplicate: 2,
    });
    expect(hit).toMatchObject({ code: 0, data: { reuse: true } });
    expect(k.pan.state.get(hit.data.fileID)).toMatchObject({ name: 'copy.bin', md5: md5(bytes) });

    const miss = await reuse({
      parentFileID: 0,
      filename: 'nope.bin',
      sha1: sha1(bytes),
      size: bytes.length + 1,
    });
    expect(miss).toMatchObject({ code: 0, data: { fileID: 0, reuse: false } });
    expect(k.pan.state.find('/nope.bin')).toBeUndefined();

    const badName = await reuse({ parentFileID: 0, filename: 'a*b', sha1: sha1(bytes), size: bytes.length });
    expect(badName.code).toBe(1);

    const form = new URLSearchParams({ parentFileID: '0', sha1: sha1(bytes), size: String(bytes.length) });
    const res = await fetch(`${k.pan.baseUrl}/upload/v2/file/sha1_reuse`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${k.token}`,
        Platform: 'open_platform',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
    });
    const formHit = (await res.json()) as { code: number; data: { fileID: number; reuse: boolean } };
    expect(formHit).toMatchObject({ code: 0, data: { reuse: true } });
    // p123client's default name when none is sent.
    expect(k.pan.state.get(formHit.data.fileID)?.name).toBe(`${sha1(bytes)}-${bytes.length}`);
  });
});
