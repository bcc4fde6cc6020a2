import { z } from 'zod';
import { ROOT_FOLDER_ID } from '../../common';
import { MAX_SEARCH_LENGTH } from '../../files';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { copyInputSchema } from './cloud';
import { cursorSchema, fileIdSchema, fileIdsSchema } from './common';
import { nameSchema } from './names';

/** Ids of items a mutation may touch: the drive root can never be moved, renamed or trashed. */
const mutableIdsSchema = fileIdsSchema.refine(
  (ids) => !ids.includes(ROOT_FOLDER_ID),
  'must not include the drive root (id 0)',
);

const folderInputSchema = z.strictObject({ folderId: fileIdSchema });

/** Every files call: the schema its input must pass, and one valid example input. */
export const FILES_INPUTS: DomainInputs<'files'> = {
  list: {
    schema: z.strictObject({ folderId: fileIdSchema, fresh: z.boolean().optional() }),
    example: { folderId: 0, fresh: true },
  },
  listMore: {
    schema: z.strictObject({ folderId: fileIdSchema, cursor: cursorSchema }),
    example: { folderId: 14663228, cursor: '5373646' },
  },
  treeChildren: { schema: folderInputSchema, example: { folderId: 14663228 } },
  detail: { schema: z.strictObject({ id: fileIdSchema }), example: { id: 14749954 } },
  mkdir: {
    schema: z.strictObject({ parentId: fileIdSchema, name: nameSchema }),
    example: { parentId: 0, name: 'New folder' },
  },
  rename: {
    schema: z.strictObject({
      id: fileIdSchema.refine((id) => id !== ROOT_FOLDER_ID, 'the drive root cannot be renamed'),
      name: nameSchema,
    }),
    example: { id: 14749954, name: '报告 2025.pdf' },
  },
  move: {
    schema: z
      .strictObject({ ids: mutableIdsSchema, targetFolderId: fileIdSchema })
      .refine((input) => !input.ids.includes(input.targetFolderId), {
        message: 'a folder cannot be moved into itself',
        path: ['targetFolderId'],
      }),
    example: { ids: [14705301, 14705306], targetFolderId: 14663228 },
  },
  trash: { schema: z.strictObject({ ids: mutableIdsSchema }), example: { ids: [14705301] } },
  listTrash: { schema: z.strictObject({ cursor: cursorSchema.optional() }), example: {} },
  restore: {
    schema: z.strictObject({ ids: mutableIdsSchema, targetFolderId: fileIdSchema.optional() }),
    example: { ids: [14705301], targetFolderId: 14663228 },
  },
  deleteForever: { schema: z.strictObject({ ids: mutableIdsSchema }), example: { ids: [14705301] } },
  search: {
    schema: z.strictObject({
      query: z
        .string()
        .max(MAX_SEARCH_LENGTH, `must have at most ${MAX_SEARCH_LENGTH} characters`)
        .refine((q) => q.trim().length > 0, 'must contain something to search for'),
      exact: z.boolean().optional(),
      cursor: cursorSchema.optional(),
    }),
    example: { query: 'holiday', exact: false },
  },
  quota: NO_INPUT,
  copy: {
    schema: copyInputSchema,
    example: { ids: [14705301, 14705306], targetFolderId: 14663228, conflict: 'keep_both' },
  },
};
