import { z } from 'zod';
import { ROOT_FOLDER_ID } from '../../common';
import { MAX_SIGNED_LINK_MINUTES } from '../../direct-links';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { fileIdSchema } from './common';

/** Schemas of the direct-links domain's inputs, each pinned to its type by the input table. */

const folderSchema = z.strictObject({
  folderId: fileIdSchema.refine((id) => id !== ROOT_FOLDER_ID, 'the drive root cannot hold direct links'),
});

/**
 * The account's URL-authentication key (§8.3). Only its shape is checked; the message never
 * echoes it.
 */
const privateKeySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty (null forgets the stored key)')
  .max(256, 'is too long for a private key')
  .refine((key) => !/[\s\0]/.test(key), 'must not contain spaces or control characters');

export const DIRECT_LINKS_INPUTS: DomainInputs<'directLinks'> = {
  status: NO_INPUT,
  enable: { schema: folderSchema, example: { folderId: 14663228 } },
  disable: { schema: folderSchema, example: { folderId: 14663228 } },
  url: {
    schema: z.strictObject({
      fileId: fileIdSchema.refine((id) => id !== ROOT_FOLDER_ID, 'must be a file'),
    }),
    example: { fileId: 14749954 },
  },
  setSigning: {
    schema: z.strictObject({
      privateKey: privateKeySchema.nullable().optional(),
      signedLinkMinutes: z
        .int({ error: 'must be a whole number of minutes' })
        .min(1, 'must be at least 1 minute')
        .max(MAX_SIGNED_LINK_MINUTES, `must be at most ${MAX_SIGNED_LINK_MINUTES} minutes (a year)`)
        .optional(),
    }),
    example: { signedLinkMinutes: 1440 },
  },
};
