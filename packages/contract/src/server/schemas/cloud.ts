import { z } from 'zod';
import { MAX_IDS_PER_CALL, ROOT_FOLDER_ID } from '../../common';
import { MAX_CLOUD_DOWNLOAD_URLS, isCloudDownloadUrl } from '../../cloud-tasks';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { fileIdSchema } from './common';
import { conflictPolicySchema } from './transfers';

/** Schemas of the cloud domain's inputs and of `files.copy`, each pinned to its type by the input table. */

/** Checked without echoing the address (it may carry a signed query). */
const cloudUrlSchema = z.string().refine(isCloudDownloadUrl, 'must be a full http:// or https:// address');

export const CLOUD_INPUTS: DomainInputs<'cloud'> = {
  download: {
    schema: z.strictObject({
      urls: z
        .array(cloudUrlSchema)
        .min(1, 'must name at least one address')
        .max(MAX_CLOUD_DOWNLOAD_URLS, `must name at most ${MAX_CLOUD_DOWNLOAD_URLS} addresses`),
      folderId: fileIdSchema,
    }),
    example: { urls: ['https://example.com/files/report.pdf'], folderId: 14663228 },
  },
  tasks: NO_INPUT,
  clearFinished: NO_INPUT,
};

/** `files.copy`: neither the drive root nor a folder into itself. */
export const copyInputSchema = z
  .strictObject({
    ids: z
      .array(fileIdSchema.refine((id) => id !== ROOT_FOLDER_ID, 'must not include the drive root (id 0)'))
      .min(1, 'must name at least one item')
      .max(MAX_IDS_PER_CALL, `must name at most ${MAX_IDS_PER_CALL} items`),
    targetFolderId: fileIdSchema,
    conflict: conflictPolicySchema,
  })
  .refine((input) => !input.ids.includes(input.targetFolderId), {
    message: 'a folder cannot be copied into itself',
    path: ['targetFolderId'],
  });
