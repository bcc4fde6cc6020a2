import { z } from 'zod';
import { CHOOSE_MODES, MAX_DRAG_PATHS } from '../../app-info';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { fileIdSchema, localPathSchema } from './common';

/** Every app call: the schema its input must pass, and one valid example input. */
export const APP_INPUTS: DomainInputs<'app'> = {
  info: NO_INPUT,
  openLogFolder: NO_INPUT,
  revealInFolder: {
    schema: z.strictObject({ path: localPathSchema }),
    example: { path: '/home/user/Downloads/download.mp4' },
  },
  startDrag: {
    schema: z.strictObject({
      paths: z
        .array(localPathSchema)
        .min(1, 'must name at least one file')
        .max(MAX_DRAG_PATHS, `must name at most ${MAX_DRAG_PATHS} files`),
    }),
    example: { paths: ['/home/user/Downloads/download.mp4'] },
  },
  choosePaths: {
    schema: z.strictObject({
      mode: z.enum(CHOOSE_MODES, { error: `must be one of ${CHOOSE_MODES.join(', ')}` }),
      title: z.string().max(200, 'is too long').optional(),
      defaultPath: localPathSchema.optional(),
    }),
    example: { mode: 'choose_folder', title: 'Save to' },
  },
  downloadLink: {
    schema: z.strictObject({ fileId: fileIdSchema, inline: z.boolean().optional() }),
    example: { fileId: 14_502_233 },
  },
  openFile: {
    schema: z.strictObject({ fileId: fileIdSchema }),
    example: { fileId: 14_502_233 },
  },
  openDownload: {
    schema: z.strictObject({
      transferId: z.string().min(1, 'must not be empty').max(100, 'is too long'),
      how: z.enum(['open', 'reveal'], { error: 'must be open or reveal' }),
    }),
    example: { transferId: 'c0a8012e-7d1f-4c2b-9a55-3f1e2d4c5b6a', how: 'open' },
  },
  openCache: NO_INPUT,
  clearOpenCache: NO_INPUT,
  previewUrl: {
    schema: z.strictObject({ fileId: fileIdSchema }),
    example: { fileId: 14_502_233 },
  },
};
