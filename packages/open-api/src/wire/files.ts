import { z } from 'zod';
import { wireFlag, wireId } from './common';

/** v2 list item and infos item (§4.1, §4.4). */
export const wireFileItem = z.object({
  fileId: wireId,
  filename: z.string(),
  parentFileId: wireId,
  type: z.union([z.literal(0), z.literal(1)]),
  size: z.number(),
  etag: z.string(),
  status: z.number(),
  category: z.number().optional().default(0),
  trashed: wireFlag.optional().default(0),
  createAt: z.string(),
  updateAt: z.union([z.string(), z.number()]),
  punishFlag: z.number().optional(),
  s3KeyFlag: z.string().optional(),
  storageNode: z.string().optional(),
});
export type WireFileItem = z.infer<typeof wireFileItem>;

/** `GET /api/v2/file/list` data. `lastFileId` -1 means no more pages; otherwise an opaque cursor. */
export const wireListV2 = z.object({
  lastFileId: wireId,
  fileList: z
    .array(wireFileItem)
    .nullable()
    .transform((l) => l ?? []),
});
export type WireListV2 = z.infer<typeof wireListV2>;

/** `GET /api/v1/file/list` item (§4.2): `fileID` casing, times with a `+0800 CST` suffix. */
export const wireFileItemV1 = z.object({
  fileID: wireId,
  filename: z.string(),
  parentFileId: wireId,
  parentName: z.string().optional(),
  type: z.union([z.literal(0), z.literal(1)]),
  etag: z.string().optional().default(''),
  size: z.number(),
  category: z.number().optional().default(0),
  status: z.number().optional().default(0),
  trashed: wireFlag.optional(),
  createAt: z.string(),
  updateAt: z.string(),
});
export type WireFileItemV1 = z.infer<typeof wireFileItemV1>;

export const wireListV1 = z.object({
  total: z.number(),
  fileList: z
    .array(wireFileItemV1)
    .nullable()
    .transform((l) => l ?? []),
});

/** `GET /api/v1/file/detail` data (§4.3): `fileID`/`parentFileID` casing. */
export const wireFileDetail = z.object({
  fileID: wireId,
  filename: z.string(),
  type: z.union([z.literal(0), z.literal(1)]),
  size: z.number(),
  etag: z.string().optional().default(''),
  status: z.number().optional().default(0),
  parentFileID: wireId,
  createAt: z.string(),
  trashed: wireFlag.optional().default(0),
});
export type WireFileDetail = z.infer<typeof wireFileDetail>;

/** `POST /api/v1/file/infos` data: the array is `list` in the example, `fileList` in the table. */
export const wireInfos = z
  .object({
    list: z.array(wireFileItem).nullable().optional(),
    fileList: z.array(wireFileItem).nullable().optional(),
  })
  .refine((d) => d.list != null || d.fileList != null, { message: 'neither list nor fileList present' })
  .transform((d) => d.list ?? d.fileList ?? []);

/** `POST /upload/v1/file/mkdir` data. */
export const wireMkdir = z.object({ dirID: wireId });

/** `POST /api/v1/file/rename` data: null in the example, success/fail lists in the table. */
export const wireRenameMany = z
  .object({
    successList: z
      .array(z.object({ fileID: wireId, updateAt: z.string().optional() }))
      .nullable()
      .optional(),
    failList: z
      .array(z.object({ fileID: wireId, message: z.string().optional().default('') }))
      .nullable()
      .optional(),
  })
  .nullable()
  .optional();

/** `POST /api/v1/file/recover` data: ids that could not go back (their parent is gone). */
export const wireRecover = z
  .object({ abnormalFileIDs: z.array(wireId).nullable().optional() })
  .nullable()
  .optional()
  .transform((d) => d?.abnormalFileIDs ?? []);
