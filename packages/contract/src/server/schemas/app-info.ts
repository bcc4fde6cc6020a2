import { z } from 'zod';
import { CHOOSE_MODES, MAX_DRAG_PATHS } from '../../app-info';
import { MAX_THUMBNAIL_BYTES, THUMBNAIL_SIZES, THUMBNAIL_TYPES } from '../../thumbnails';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { fileIdSchema, localPathSchema } from './common';

const md5Schema = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, 'must be an MD5 (32 hexadecimal digits)')
  .transform((v) => v.toLowerCase());

const thumbnailSizeSchema = z
  .int({ error: 'must be a whole number of pixels' })
  .refine((v): v is (typeof THUMBNAIL_SIZES)[number] => (THUMBNAIL_SIZES as readonly number[]).includes(v), {
    message: `must be one of ${THUMBNAIL_SIZES.join(', ')}`,
  });

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
  thumbnail: {
    schema: z.strictObject({
      fileId: fileIdSchema,
      md5: md5Schema,
      size: z.int({ error: 'must be a whole number of bytes' }).min(0, 'must not be negative'),
      px: thumbnailSizeSchema,
    }),
    example: { fileId: 14_502_233, md5: 'd41d8cd98f00b204e9800998ecf8427e', size: 52_311, px: 256 },
  },
  storeThumbnail: {
    schema: z.strictObject({
      md5: md5Schema,
      px: thumbnailSizeSchema,
      type: z.enum(THUMBNAIL_TYPES, { error: `must be one of ${THUMBNAIL_TYPES.join(', ')}` }),
      data: z
        .base64({ error: 'must be base64' })
        .min(1, 'must not be empty')
        // base64 takes 4 characters per 3 bytes
        .max(Math.ceil(MAX_THUMBNAIL_BYTES / 3) * 4, 'is larger than a thumbnail'),
    }),
    example: { md5: 'd41d8cd98f00b204e9800998ecf8427e', px: 256, type: 'image/webp', data: 'UklGRg==' },
  },
  thumbnailTraffic: NO_INPUT,
  previewUrl: {
    schema: z.strictObject({ fileId: fileIdSchema }),
    example: { fileId: 14_502_233 },
  },
};
