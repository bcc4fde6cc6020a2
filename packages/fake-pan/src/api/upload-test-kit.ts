/**
 * Plain-fetch calls for the upload and download tests (deliberately not PanDesk's client):
 * everything goes over real HTTP to a started emulator, following the reference's wire format.
 */
import { createHash } from 'node:crypto';
import { startFakePan, type FakePan, type FakePanOptions } from '../index';
import { api, login, type Envelope } from '../testing/api-call';

export interface Kit {
  pan: FakePan;
  token: string;
}

export interface CreateAnswer {
  fileID: number;
  reuse: boolean;
  preuploadID?: string;
  sliceSize?: number;
  servers?: string[];
}

export const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');
export const sha1 = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');

/** An emulator without rate limits (tests call create faster than the free 1 QPS) and a token. */
export async function startKit(options: FakePanOptions = {}): Promise<Kit> {
  const pan = await startFakePan({ ...options, faults: { rateLimits: false, ...options.faults } });
  return { pan, token: await login(pan) };
}

/** Deterministic pseudo-random bytes (xorshift32), so content differs between tests. */
export function bytesOf(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = (seed * 2654435761 + 1) >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

export function createUpload(kit: Kit, body: Record<string, unknown>): Promise<Envelope<CreateAnswer>> {
  return api<CreateAnswer>(kit.pan, 'POST', '/upload/v2/file/create', { token: kit.token, body });
}

export function complete(
  kit: Kit,
  preuploadID: string,
): Promise<Envelope<{ completed: boolean; fileID: number }>> {
  return api(kit.pan, 'POST', '/upload/v2/file/upload_complete', { token: kit.token, body: { preuploadID } });
}

/** POSTs a multipart form (text fields first, then one file part) with the API headers. */
export async function postForm(
  kit: Kit,
  url: string,
  fields: Record<string, string>,
  file: { field: string; name: string; bytes: Uint8Array } | undefined,
): Promise<Envelope<unknown>> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set(file.field, new Blob([file.bytes]), file.name);
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${kit.token}`, Platform: 'open_platform' },
    body: form,
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}`);
  return (await res.json()) as Envelope<unknown>;
}

export function postSlice(
  kit: Kit,
  server: string,
  preuploadID: string,
  sliceNo: number,
  bytes: Uint8Array,
  sliceMD5 = md5(bytes),
): Promise<Envelope<unknown>> {
  const fields = { preuploadID, sliceNo: String(sliceNo), sliceMD5 };
  return postForm(kit, `${server}/upload/v2/file/slice`, fields, {
    field: 'slice',
    name: `part${sliceNo}`,
    bytes,
  });
}

/** Polls upload_complete (no sleeping: the emulator counts polls, not time) until done. */
export async function completeUntilDone(
  kit: Kit,
  preuploadID: string,
  budget = 10,
): Promise<Envelope<{ completed: boolean; fileID: number }>> {
  for (let i = 0; i < budget; i++) {
    const env = await complete(kit, preuploadID);
    const done = env.code === 0 && env.data.completed && env.data.fileID !== 0;
    if (done || (env.code !== 0 && env.code !== 20103)) return env;
  }
  throw new Error('upload_complete never finished');
}

/** The whole v2 flow for in-memory bytes; returns the file id (rapid or sliced). */
export async function uploadBytes(
  kit: Kit,
  filename: string,
  bytes: Buffer,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const created = await createUpload(kit, {
    parentFileID: 0,
    filename,
    etag: md5(bytes),
    size: bytes.length,
    duplicate: 2,
    ...extra,
  });
  if (created.code !== 0) throw new Error(`create: ${created.code} ${created.message}`);
  if (created.data.reuse) return created.data.fileID;
  const { preuploadID, sliceSize, servers } = created.data as Required<CreateAnswer>;
  for (let no = 1, at = 0; at < bytes.length; no++, at += sliceSize) {
    const answer = await postSlice(
      kit,
      servers[0] as string,
      preuploadID,
      no,
      bytes.subarray(at, at + sliceSize),
    );
    if (answer.code !== 0) throw new Error(`slice ${no}: ${answer.code} ${answer.message}`);
  }
  const done = await completeUntilDone(kit, preuploadID);
  if (done.code !== 0) throw new Error(`complete: ${done.code} ${done.message}`);
  return done.data.fileID;
}

export function downloadInfo(kit: Kit, fileId: number): Promise<Envelope<{ downloadUrl: string }>> {
  return api(kit.pan, 'GET', '/api/v1/file/download_info', { token: kit.token, query: { fileId } });
}
