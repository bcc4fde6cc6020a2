import { PanError } from '../errors';
import type { CallOptions, HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import type { Pacer } from '../http/pacer';
import { normaliseBase } from '../http/transport';
import { duplicateToWire } from '../map/duplicate';
import type { DuplicatePolicy } from '../types';
import type { Clock } from '@pandesk/contract';
import { buildMultipart, newBoundary, type SliceBody } from '../util/multipart';
import { assertValidName } from '../util/names';
import { wireNullData } from '../wire/common';
import { wireComplete, wireCreate, wireDomains, wireSha1Reuse, wireSingle } from '../wire/upload';

/** §11: 10 GB through create, 1 GB through single step. */
export const MAX_CREATE_BYTES = 10 * 1024 ** 3;
export const MAX_SINGLE_BYTES = 1024 ** 3;

export interface FileTarget {
  parentId: number;
  /** A plain name, or with `containDir` a relative path whose missing folders the service creates. */
  filename: string;
  size: number;
  duplicate?: DuplicatePolicy;
  containDir?: boolean;
  signal?: AbortSignal;
  onWait?: CallOptions['onWait'];
}

export type CreateResult =
  | { reuse: true; fileId: number }
  | { reuse: false; preuploadId: string; sliceSize: number; servers: string[] };

export interface SliceInput {
  server: string;
  preuploadId: string;
  /** 1-based. */
  sliceNo: number;
  body: SliceBody;
  /** Lowercase hex MD5 of this slice (the caller hashes while it reads the file). */
  md5: string;
  signal?: AbortSignal;
  onWait?: CallOptions['onWait'];
}

export interface CompleteOptions {
  signal?: AbortSignal;
  onWait?: CallOptions['onWait'];
  /** Polls before giving up (default: the pacer's, 60 like OpenList). */
  budget?: number;
  /** Pause between polls, ms (default: the pacer's, 1 s as the docs say). */
  intervalMs?: number;
}

export interface UploadCalls {
  domains(options?: CallOptions & { refresh?: boolean }): Promise<string[]>;
  create(target: FileTarget & { md5: string }): Promise<CreateResult>;
  uploadSlice(input: SliceInput): Promise<void>;
  /** Poll until the service has merged and verified the upload; returns the new file id. */
  complete(preuploadId: string, options?: CompleteOptions): Promise<number>;
  /** One-request upload for files up to 1 GB; returns the new file id. */
  single(target: FileTarget & { md5: string; body: SliceBody }): Promise<number>;
  /** Instant upload by SHA-1; returns the file id on a hit, null when the bytes must be sent. */
  sha1Reuse(target: FileTarget & { sha1: string }): Promise<number | null>;
}

export function checkTarget(t: FileTarget & { md5?: string }, maxBytes: number): void {
  if (t.containDir)
    t.filename
      .split('/')
      .filter((s) => s !== '')
      .forEach(assertValidName);
  else assertValidName(t.filename);
  if (!Number.isSafeInteger(t.size) || t.size < 0)
    throw new PanError('invalid_argument', `bad size: ${t.size}`);
  if (t.size > maxBytes)
    throw new PanError(
      'invalid_argument',
      `file is larger than the ${maxBytes}-byte limit of this upload method`,
      { reason: 'file_too_large', params: { maxBytes } },
    );
  if (t.md5 !== undefined && !/^[0-9a-fA-F]{32}$/.test(t.md5))
    throw new PanError('invalid_argument', 'md5 must be 32 hex digits');
}

/** Common JSON/form fields of create, single and sha1_reuse. */
function targetFields(t: FileTarget): {
  parentFileID: number;
  filename: string;
  size: number;
  duplicate: 0 | 1 | 2;
  containDir: boolean;
} {
  return {
    parentFileID: t.parentId,
    filename: t.filename,
    size: t.size,
    duplicate: duplicateToWire(t.duplicate),
    containDir: t.containDir === true,
  };
}

export function createUploadCalls(core: HttpCore, clock: Clock, pacer: Pacer): UploadCalls {
  let domainCache: Promise<string[]> | null = null;

  const domains: UploadCalls['domains'] = (options = {}) => {
    if (options.refresh || !domainCache) {
      const pending = core
        .call(ENDPOINTS.uploadDomain, wireDomains, { signal: options.signal, onWait: options.onWait })
        .then((list) => list.map(normaliseBase));
      domainCache = pending;
      pending.catch(() => {
        if (domainCache === pending) domainCache = null;
      });
    }
    return domainCache;
  };

  return {
    domains,
    async create(target) {
      checkTarget(target, MAX_CREATE_BYTES);
      const data = await core.call(ENDPOINTS.uploadCreate, wireCreate, {
        signal: target.signal,
        onWait: target.onWait,
        idempotent: target.duplicate === 'overwrite',
        json: { ...targetFields(target), etag: target.md5.toLowerCase() },
      });
      if (data.reuse && data.fileID > 0) return { reuse: true, fileId: data.fileID };
      const servers = (data.servers ?? []).map(normaliseBase);
      if (!data.preuploadID || !data.sliceSize || servers.length === 0) {
        throw new PanError('bad_response', 'upload.create: no upload session in the answer', {
          endpoint: ENDPOINTS.uploadCreate.id,
        });
      }
      return { reuse: false, preuploadId: data.preuploadID, sliceSize: data.sliceSize, servers };
    },
    async uploadSlice(input) {
      if (!Number.isInteger(input.sliceNo) || input.sliceNo < 1)
        throw new PanError('invalid_argument', 'sliceNo is 1-based');
      const md5 = input.md5.toLowerCase();
      const boundary = newBoundary();
      const fields: Array<[string, string]> = [
        ['preuploadID', input.preuploadId],
        ['sliceNo', String(input.sliceNo)],
        ['sliceMD5', md5],
      ];
      await core.call(ENDPOINTS.uploadSlice, wireNullData, {
        signal: input.signal,
        onWait: input.onWait,
        baseUrl: input.server,
        body: () =>
          buildMultipart(
            fields,
            { field: 'slice', filename: `part${input.sliceNo}`, body: input.body },
            boundary,
          ),
      });
    },
    async complete(preuploadId, options = {}) {
      const override = { budget: options.budget, intervalMs: options.intervalMs };
      for (let poll = 1; ; poll++) {
        try {
          const data = await core.call(ENDPOINTS.uploadComplete, wireComplete, {
            signal: options.signal,
            onWait: options.onWait,
            callerPolls: true,
            json: { preuploadID: preuploadId },
          });
          if (data.completed && data.fileID > 0) return data.fileID;
        } catch (error) {
          if (!(error instanceof PanError) || error.code !== 'processing') throw error;
        }
        // How long to wait, and when to stop, is the pacer's call like every other wait.
        const wait = pacer.poll(poll, override);
        if (wait === null) {
          throw new PanError('upload_failed', `upload.complete: not finished after ${poll} polls`, {
            endpoint: ENDPOINTS.uploadComplete.id,
          });
        }
        await sleepAborting(clock, wait, options.signal);
      }
    },
    async single(target) {
      checkTarget(target, MAX_SINGLE_BYTES);
      const [domain] = await domains({ signal: target.signal, onWait: target.onWait });
      const f = targetFields(target);
      const fields: Array<[string, string]> = [
        ['parentFileID', String(f.parentFileID)],
        ['filename', f.filename],
        ['etag', target.md5.toLowerCase()],
        ['size', String(f.size)],
        ['duplicate', String(f.duplicate)],
        ['containDir', String(f.containDir)],
      ];
      const boundary = newBoundary();
      const data = await core.call(ENDPOINTS.uploadSingle, wireSingle, {
        signal: target.signal,
        onWait: target.onWait,
        baseUrl: domain,
        idempotent: target.duplicate === 'overwrite',
        body: () =>
          buildMultipart(
            fields,
            { field: 'file', filename: basename(target.filename), body: target.body },
            boundary,
          ),
      });
      if (!data.completed || data.fileID <= 0)
        throw new PanError('upload_failed', 'upload.single: the service did not finish the file', {
          endpoint: ENDPOINTS.uploadSingle.id,
        });
      return data.fileID;
    },
    async sha1Reuse(target) {
      checkTarget(target, MAX_CREATE_BYTES);
      if (!/^[0-9a-fA-F]{40}$/.test(target.sha1))
        throw new PanError('invalid_argument', 'sha1 must be 40 hex digits');
      const data = await core.call(ENDPOINTS.sha1Reuse, wireSha1Reuse, {
        signal: target.signal,
        idempotent: target.duplicate === 'overwrite',
        json: { ...targetFields(target), sha1: target.sha1.toLowerCase() },
      });
      return data.reuse && data.fileID > 0 ? data.fileID : null;
    },
  };
}

function basename(path: string): string {
  const parts = path.split('/').filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}

async function sleepAborting(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch (reason) {
    throw new PanError('aborted', 'aborted while waiting for upload completion', { cause: reason });
  }
}
