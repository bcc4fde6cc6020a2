import { z } from 'zod';
import { MAX_IDS_PER_CALL, MAX_LOCAL_PATH_LENGTH } from '../../common';

/** Schemas of the small shared shapes in `common.ts`. */

export const fileIdSchema = z
  .int({ error: 'must be a whole number (a file or folder id)' })
  .min(0, 'must not be negative');

export const fileIdsSchema = z
  .array(fileIdSchema)
  .min(1, 'must name at least one item')
  .max(MAX_IDS_PER_CALL, `must name at most ${MAX_IDS_PER_CALL} items`);

/**
 * A path on the computer running the back end. Only shape is checked here (non-empty, no NUL);
 * whether it exists and may be used is the back end's job.
 */
export const localPathSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_LOCAL_PATH_LENGTH, 'is too long for a path')
  .refine((p) => !p.includes('\0'), 'must not contain a NUL character');

/**
 * Input of a method that takes no arguments. Accepts `undefined` (structured clone) and `null`
 * (JSON has no `undefined`), and hands `undefined` to the handler.
 */
export const noInputSchema = z
  .union([z.undefined(), z.null()], { error: 'this call takes no input' })
  .transform(() => undefined);

/**
 * An opaque continuation token handed out with a page and sent back to get the next one.
 * Only the back end interprets it.
 */
export const cursorSchema = z.string().min(1, 'must not be empty').max(1024, 'is too long');
