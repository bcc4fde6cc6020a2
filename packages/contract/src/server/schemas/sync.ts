import { z } from 'zod';
import type { SyncConflictChoice, SyncDeletions, SyncMode, SyncSchedule } from '../../sync';
import { SYNC_CONFLICT_CHOICES, SYNC_MODES } from '../../sync';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { fileIdSchema, localPathSchema } from './common';

/** Schemas of the sync domain's inputs, each pinned to its type by the input table. */

/** A week between runs at most; a minute at least (a cloud scan costs listing calls). */
export const MAX_SYNC_MINUTES = 7 * 24 * 60;

const modeSchema: z.ZodType<SyncMode> = z.enum(SYNC_MODES as [SyncMode, ...SyncMode[]], {
  error: 'must be one of backup, mirror_down, two_way',
});

const deletionsSchema: z.ZodType<SyncDeletions> = z.enum(['ignore', 'recycle'], {
  error: 'must be ignore or recycle',
});

const minutesSchema = z
  .int({ error: 'must be a whole number of minutes' })
  .min(1, 'must be at least 1 minute')
  .max(MAX_SYNC_MINUTES, 'must be at most a week');

const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

const scheduleSchema: z.ZodType<SyncSchedule> = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('continuous'), minutes: minutesSchema }),
    z.strictObject({ kind: z.literal('interval'), minutes: minutesSchema }),
    z.strictObject({
      kind: z.literal('window'),
      start: clockTimeSchema,
      end: clockTimeSchema,
      minutes: minutesSchema,
    }),
  ],
  { error: 'must be a continuous, interval or window schedule' },
);

const pairIdSchema = z.string().min(1, 'must not be empty').max(200, 'is too long for an id');

const confirmAboveSchema = z
  .int({ error: 'must be a whole number' })
  .min(0, 'must not be negative')
  .max(1_000_000, 'is too large');

const pairRefSchema = z.strictObject({ id: pairIdSchema });

const choiceSchema: z.ZodType<SyncConflictChoice> = z.enum(
  SYNC_CONFLICT_CHOICES as [SyncConflictChoice, ...SyncConflictChoice[]],
  { error: 'must be one of keep_both, keep_local, keep_cloud' },
);

/** Every sync call: the schema its input must pass, and one valid example input. */
export const SYNC_INPUTS: DomainInputs<'sync'> = {
  list: NO_INPUT,
  add: {
    schema: z.strictObject({
      localPath: localPathSchema,
      remoteFolderId: fileIdSchema,
      remotePath: z.string().min(1, 'must not be empty').max(4096, 'is too long'),
      mode: modeSchema,
      deletions: deletionsSchema,
      schedule: scheduleSchema,
      confirmAbove: confirmAboveSchema,
    }),
    example: {
      localPath: '/home/user/Photos',
      remoteFolderId: 14663228,
      remotePath: '/Backups/Photos',
      mode: 'backup',
      deletions: 'ignore',
      schedule: { kind: 'continuous', minutes: 30 },
      confirmAbove: 50,
    },
  },
  update: {
    schema: z.strictObject({
      id: pairIdSchema,
      mode: modeSchema.optional(),
      deletions: deletionsSchema.optional(),
      schedule: scheduleSchema.optional(),
      confirmAbove: confirmAboveSchema.optional(),
      paused: z.boolean({ error: 'must be true or false' }).optional(),
    }),
    example: { id: 'pair-1', schedule: { kind: 'window', start: '22:00', end: '06:00', minutes: 60 } },
  },
  remove: { schema: pairRefSchema, example: { id: 'pair-1' } },
  runNow: { schema: pairRefSchema, example: { id: 'pair-1' } },
  dryRun: { schema: pairRefSchema, example: { id: 'pair-1' } },
  plan: { schema: pairRefSchema, example: { id: 'pair-1' } },
  confirmPlan: {
    schema: z.strictObject({
      id: pairIdSchema,
      planId: pairIdSchema,
      accept: z.boolean({ error: 'must be true or false' }),
    }),
    example: { id: 'pair-1', planId: 'run-1', accept: true },
  },
  conflicts: { schema: pairRefSchema, example: { id: 'pair-1' } },
  resolveConflict: {
    schema: z.strictObject({ id: pairIdSchema, conflictId: pairIdSchema, choice: choiceSchema }),
    example: { id: 'pair-1', conflictId: 'c-1', choice: 'keep_both' },
  },
  history: { schema: pairRefSchema, example: { id: 'pair-1' } },
  pauseAll: {
    schema: z.strictObject({ paused: z.boolean({ error: 'must be true or false' }) }),
    example: { paused: true },
  },
};
