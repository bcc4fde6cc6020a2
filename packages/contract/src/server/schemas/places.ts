import { z } from 'zod';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { localPathSchema } from './common';

/** Every places call: the schema its input must pass, and one valid example input. */
export const PLACES_INPUTS: DomainInputs<'places'> = {
  list: NO_INPUT,
  add: {
    schema: z.strictObject({
      path: localPathSchema,
      name: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(255, 'must have at most 255 characters')
        .optional(),
    }),
    example: { path: '/home/user/Projects', name: 'Projects' },
  },
  remove: {
    schema: z.strictObject({ id: z.string().min(1, 'must not be empty').max(200, 'is too long') }),
    example: { id: 'custom-1' },
  },
};
