import { z } from 'zod';
import { wireFlag, wireId } from './common';

/** `POST /api/v1/share/create` data (§6.1). */
export const wireShareCreate = z.object({ shareID: wireId, shareKey: z.string().min(1) });

/** One `ShareInfo` of `GET /api/v1/share/list` (§6.2); `expiration` is UTC+8 without a zone. */
export const wireShareInfo = z.object({
  shareId: wireId,
  shareKey: z.string(),
  shareName: z.string(),
  expiration: z.string(),
  expired: wireFlag,
  sharePwd: z.string().nullable().optional(),
  trafficSwitch: z.number().int().optional(),
  trafficLimitSwitch: z.number().int().optional(),
  trafficLimit: z.number().optional(),
  bytesCharge: z.number().optional().default(0),
  previewCount: z.number().optional().default(0),
  downloadCount: z.number().optional().default(0),
  saveCount: z.number().optional().default(0),
});
export type WireShareInfo = z.infer<typeof wireShareInfo>;

/** `GET /api/v1/share/list` data: `lastShareId` -1 on the last page, else an opaque cursor. */
export const wireShareList = z.object({
  lastShareId: wireId,
  shareList: z
    .array(wireShareInfo)
    .nullable()
    .transform((l) => l ?? []),
});
export type WireShareList = z.infer<typeof wireShareList>;

/** `POST /api/v1/direct-link/enable|disable` data (§6.4): the folder's name. */
export const wireDirectLinkFolder = z.object({ filename: z.string() });

/** `GET /api/v1/direct-link/url` data. */
export const wireDirectLinkUrl = z.object({ url: z.string().min(1) });

/** `POST /api/v1/offline/download` data (§9). */
export const wireOfflineStart = z.object({ taskID: wireId });

/** `GET /api/v1/offline/download/process` data; `status` numbering differs between sources (§9). */
export const wireOfflineProcess = z.object({ process: z.number(), status: z.number().int() });
export type WireOfflineProcess = z.infer<typeof wireOfflineProcess>;

/** `POST /api/v1/file/copy` data (§5.5): the new id under `targetFileId`, or `targetFileID` (§13.8). */
export const wireCopyOne = z
  .object({ targetFileId: wireId.optional(), targetFileID: wireId.optional() })
  .refine((d) => d.targetFileId !== undefined || d.targetFileID !== undefined, {
    message: 'neither targetFileId nor targetFileID present',
  })
  .transform((d) => (d.targetFileId ?? d.targetFileID) as number);

/** `POST /api/v1/file/async/copy` data. */
export const wireCopyAsync = z.object({ taskId: wireId });

/** `GET /api/v1/file/async/copy/process` data: 0 pending, 1 running, 2 done, 3 failed [C]. */
export const wireCopyProcess = z.object({ taskId: wireId.optional(), status: z.number().int() });
