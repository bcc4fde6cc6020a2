import { z } from 'zod';
import { ROOT_FOLDER_ID } from '../../common';
import {
  EXTRACTION_CODE_PATTERN,
  MAX_SHARE_ITEMS,
  MAX_SHARE_NAME_CHARS,
  SHARE_EXPIRY_DAYS,
  SHARE_TRAFFIC_PACKAGES,
} from '../../shares';
import type { ShareExpiryDays, ShareTraffic } from '../../shares';
import type { DomainInputs } from '../input-spec';
import { cursorSchema, fileIdSchema } from './common';
import { nameSchema } from './names';

/** Schemas of the shares domain's inputs, each pinned to its type by the input table. */

const shareNameSchema = nameSchema.refine(
  (name) => [...name].length <= MAX_SHARE_NAME_CHARS,
  `must have at most ${MAX_SHARE_NAME_CHARS} characters`,
);

const expirySchema: z.ZodType<ShareExpiryDays> = z.union(
  SHARE_EXPIRY_DAYS.map((d) => z.literal(d)) as [
    z.ZodLiteral<ShareExpiryDays>,
    z.ZodLiteral<ShareExpiryDays>,
    ...z.ZodLiteral<ShareExpiryDays>[],
  ],
  { error: 'must be 1, 7 or 30 days, or 0 (never expires)' },
);

export const shareTrafficSchema: z.ZodType<ShareTraffic> = z.strictObject({
  package: z.enum(SHARE_TRAFFIC_PACKAGES, { error: `must be one of ${SHARE_TRAFFIC_PACKAGES.join(', ')}` }),
  limitBytes: z
    .int({ error: 'must be a whole number of bytes' })
    .min(1, 'must be at least 1 byte (null means no limit)')
    .max(Number.MAX_SAFE_INTEGER, 'is too large')
    .nullable(),
});

const shareIdSchema = z.int({ error: 'must be a whole number (a share id)' }).min(1, 'must be positive');

export const SHARES_INPUTS: DomainInputs<'shares'> = {
  create: {
    schema: z.strictObject({
      ids: z
        .array(fileIdSchema.refine((id) => id !== ROOT_FOLDER_ID, 'the drive root cannot be shared'))
        .min(1, 'must name at least one item')
        .max(MAX_SHARE_ITEMS, `must name at most ${MAX_SHARE_ITEMS} items`),
      name: shareNameSchema,
      expiryDays: expirySchema,
      extractionCode: z
        .string()
        .regex(EXTRACTION_CODE_PATTERN, 'must be 4 to 8 letters or digits')
        .optional(),
      traffic: shareTrafficSchema.optional(),
    }),
    example: {
      ids: [14705301, 14705306],
      name: 'Holiday photos',
      expiryDays: 7,
      extractionCode: 'k3p9',
      traffic: { package: 'off', limitBytes: null },
    },
  },
  list: { schema: z.strictObject({ cursor: cursorSchema.optional() }), example: {} },
  setTraffic: {
    schema: z.strictObject({
      ids: z
        .array(shareIdSchema)
        .min(1, 'must name at least one share')
        .max(10_000, 'must name at most 10000 shares'),
      traffic: shareTrafficSchema,
    }),
    example: { ids: [87187530], traffic: { package: 'all', limitBytes: 10 * 1024 ** 3 } },
  },
};
