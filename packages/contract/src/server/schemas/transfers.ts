import { z } from 'zod';
import { MAX_IDS_PER_CALL } from '../../common';
import {
  CONFLICT_POLICIES,
  MAX_TRANSFER_IDS,
  MAX_TRANSFER_PAGE,
  MAX_UPLOAD_PATHS,
} from '../../transfer-inputs';
import type { ConflictPolicy, TransferDirection, TransferState } from '../../transfers';
import { TRANSFER_STATES } from '../../transfers';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { fileIdSchema, localPathSchema } from './common';

/** Schemas of the transfers domain's inputs, each pinned to its type by the input table. */

export const conflictPolicySchema: z.ZodType<ConflictPolicy> = z.enum(CONFLICT_POLICIES, {
  error: 'must be one of keep_both, overwrite, skip',
});

const TRANSFER_DIRECTIONS = ['upload', 'download'] as const satisfies readonly TransferDirection[];
const transferDirectionSchema: z.ZodType<TransferDirection> = z.enum(TRANSFER_DIRECTIONS, {
  error: 'must be upload or download',
});

const transferStateSchema: z.ZodType<TransferState> = z.enum(
  TRANSFER_STATES as [TransferState, ...TransferState[]],
  { error: `must be one of ${TRANSFER_STATES.join(', ')}` },
);

/** Transfer item ids and batch ids are opaque strings minted by the engine (or the caller, for batches). */
const transferIdSchema = z.string().min(1, 'must not be empty').max(200, 'is too long for an id');

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

const transferIdsSchema = z
  .array(transferIdSchema)
  .min(1, 'must name at least one transfer (omit ids to mean all)')
  .max(MAX_TRANSFER_IDS, `must name at most ${MAX_TRANSFER_IDS} transfers`);

const transferSelectionSchema = z.strictObject({ ids: transferIdsSchema.optional() });

/** Every transfers call: the schema its input must pass, and one valid example input. */
export const TRANSFERS_INPUTS: DomainInputs<'transfers'> = {
  upload: {
    schema: z.strictObject({
      batchId: transferIdSchema.optional(),
      localPaths: z
        .array(localPathSchema)
        .min(1, 'must name at least one file or folder')
        .max(MAX_UPLOAD_PATHS, `must name at most ${MAX_UPLOAD_PATHS} paths`),
      remoteParentId: fileIdSchema,
      conflict: conflictPolicySchema,
    }),
    example: {
      localPaths: ['/home/user/Videos/trip.mp4', '/home/user/Photos'],
      remoteParentId: 14663228,
      conflict: 'keep_both',
    },
  },
  download: {
    schema: z.strictObject({
      batchId: transferIdSchema.optional(),
      sources: z
        .array(downloadSourceSchema)
        .min(1, 'must name at least one item')
        .max(MAX_IDS_PER_CALL, `must name at most ${MAX_IDS_PER_CALL} items`),
      localDir: localPathSchema,
      conflict: conflictPolicySchema,
    }),
    example: {
      sources: [
        {
          fileId: 5373646,
          name: 'download.mp4',
          type: 'file',
          size: 518564433,
          etag: 'af0c5b4e2b2f1e7a9d3c4b5a6f7e8d9c',
        },
        { fileId: 14710240, name: 'sub folder', type: 'folder' },
      ],
      localDir: '/home/user/Downloads',
      conflict: 'skip',
    },
  },
  pause: { schema: transferSelectionSchema, example: { ids: ['t-1', 't-2'] } },
  resume: { schema: transferSelectionSchema, example: {} },
  cancel: { schema: transferSelectionSchema, example: { ids: ['t-3'] } },
  retry: { schema: transferSelectionSchema, example: {} },
  moveToTop: { schema: z.strictObject({ ids: transferIdsSchema }), example: { ids: ['t-4'] } },
  clearFinished: NO_INPUT,
  clearFailed: NO_INPUT,
  page: {
    schema: z.strictObject({
      offset: z.int({ error: 'must be a whole number' }).min(0, 'must not be negative'),
      limit: z
        .int({ error: 'must be a whole number' })
        .min(1, 'must be at least 1')
        .max(MAX_TRANSFER_PAGE, `must be at most ${MAX_TRANSFER_PAGE}`),
      states: z.array(transferStateSchema).max(TRANSFER_STATES.length, 'lists too many states').optional(),
      direction: transferDirectionSchema.optional(),
      order: z.enum(['queue', 'recent']).optional(),
    }),
    example: { offset: 0, limit: 200, states: ['failed'], direction: 'upload', order: 'recent' },
  },
  summary: NO_INPUT,
};
