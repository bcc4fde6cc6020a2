import { z } from 'zod';
import { fileIdSchema, localPathSchema, MAX_IDS_PER_CALL } from './common';
import type {
  ConflictPolicy,
  DownloadCommand,
  TransferDirection,
  TransferPageQuery,
  TransferState,
  UploadCommand,
} from './transfers';
import { TRANSFER_STATES } from './transfers';

/**
 * Runtime schemas for the transfers domain's inputs. The data types themselves live in
 * `transfers.ts` (owned by the transfer engine); each schema here is pinned to its type, so a
 * change there that the schema does not follow fails to compile.
 */

export const CONFLICT_POLICIES = [
  'keep_both',
  'overwrite',
  'skip',
] as const satisfies readonly ConflictPolicy[];
export const conflictPolicySchema: z.ZodType<ConflictPolicy> = z.enum(CONFLICT_POLICIES, {
  error: 'must be one of keep_both, overwrite, skip',
});

const TRANSFER_DIRECTIONS = ['upload', 'download'] as const satisfies readonly TransferDirection[];
const transferDirectionSchema: z.ZodType<TransferDirection> = z.enum(TRANSFER_DIRECTIONS, {
  error: 'must be upload or download',
});

const transferStateSchema: z.ZodType<TransferState> = z.enum(
  TRANSFER_STATES as [TransferState, ...TransferState[]],
  {
    error: `must be one of ${TRANSFER_STATES.join(', ')}`,
  },
);

/** Transfer item ids and batch ids are opaque strings minted by the engine (or the caller, for batches). */
export const transferIdSchema = z.string().min(1, 'must not be empty').max(200, 'is too long for an id');

/** Most local paths one upload call may carry (a drop of a whole desktop fits; folders count once). */
export const MAX_UPLOAD_PATHS = 10_000;

export const uploadInputSchema = z.strictObject({
  batchId: transferIdSchema.optional(),
  localPaths: z
    .array(localPathSchema)
    .min(1, 'must name at least one file or folder')
    .max(MAX_UPLOAD_PATHS, `must name at most ${MAX_UPLOAD_PATHS} paths`),
  remoteParentId: fileIdSchema,
  conflict: conflictPolicySchema,
}) satisfies z.ZodType<UploadCommand>;

const downloadSourceSchema = z.strictObject({
  fileId: fileIdSchema,
  name: z.string().min(1, 'must not be empty').max(1024, 'is too long'),
  type: z.enum(['file', 'folder'], { error: 'must be file or folder' }),
  size: z.number().int().min(0, 'must not be negative').optional(),
  etag: z
    .string()
    .regex(/^([0-9a-fA-F]{32})?$/, 'must be an MD5 in hex, or empty')
    .optional(),
});

export const downloadInputSchema = z.strictObject({
  batchId: transferIdSchema.optional(),
  sources: z
    .array(downloadSourceSchema)
    .min(1, 'must name at least one item')
    .max(MAX_IDS_PER_CALL, `must name at most ${MAX_IDS_PER_CALL} items`),
  localDir: localPathSchema,
  conflict: conflictPolicySchema,
}) satisfies z.ZodType<DownloadCommand>;

/** Most transfer ids one action may name; omit `ids` to act on every item. */
export const MAX_TRANSFER_IDS = 100_000;

const transferIdsSchema = z
  .array(transferIdSchema)
  .min(1, 'must name at least one transfer (omit ids to mean all)')
  .max(MAX_TRANSFER_IDS, `must name at most ${MAX_TRANSFER_IDS} transfers`);

/** pause / resume / cancel / retry: `ids` omitted means every item the action applies to. */
export const transferSelectionSchema = z.strictObject({ ids: transferIdsSchema.optional() });
export const moveToTopInputSchema = z.strictObject({ ids: transferIdsSchema });

/** Largest page of transfer items one call returns. */
export const MAX_TRANSFER_PAGE = 1000;

export const transferPageInputSchema = z.strictObject({
  offset: z.int({ error: 'must be a whole number' }).min(0, 'must not be negative'),
  limit: z
    .int({ error: 'must be a whole number' })
    .min(1, 'must be at least 1')
    .max(MAX_TRANSFER_PAGE, `must be at most ${MAX_TRANSFER_PAGE}`),
  states: z.array(transferStateSchema).max(TRANSFER_STATES.length, 'lists too many states').optional(),
  direction: transferDirectionSchema.optional(),
}) satisfies z.ZodType<TransferPageQuery>;

export type TransferSelection = z.infer<typeof transferSelectionSchema>;
export type MoveToTopInput = z.infer<typeof moveToTopInputSchema>;

/** What an enqueue call answers: the batch id, so the UI can follow or name the batch. */
export interface EnqueuedBatch {
  readonly batchId: string;
}
