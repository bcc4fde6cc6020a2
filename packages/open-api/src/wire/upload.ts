import { z } from 'zod';
import { wireId } from './common';

/** `POST /upload/v2/file/create` data (§7.2). On `reuse: true` the session fields are absent. */
export const wireCreate = z.object({
  fileID: wireId.optional().default(0),
  reuse: z.boolean(),
  preuploadID: z.string().optional(),
  sliceSize: z.number().int().positive().optional(),
  servers: z.array(z.string()).nullable().optional(),
});

/** `POST /upload/v2/file/upload_complete` data (§7.4). */
export const wireComplete = z.object({
  completed: z.boolean(),
  fileID: wireId.optional().default(0),
});

/** `GET /upload/v2/file/domain` data: a bare array of upload base URLs (§7.5). */
export const wireDomains = z.array(z.string()).min(1);

/** `POST {domain}/upload/v2/file/single/create` data (§7.6). */
export const wireSingle = z.object({
  fileID: wireId.optional().default(0),
  completed: z.boolean(),
});

/** `POST /upload/v2/file/sha1_reuse` data (§7.7). */
export const wireSha1Reuse = z.object({
  fileID: wireId.optional().default(0),
  reuse: z.boolean(),
});
