import { z } from 'zod';

/**
 * Building blocks for wire schemas. Wire types mirror the JSON exactly as 123pan sends it
 * (key casing included); they are turned into app types only in `src/map/`.
 */

/** 64-bit ids arrive as JSON numbers (all seen values are < 2^53); numeric strings are tolerated. */
export const wireId = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** Flags the docs type as 0/1 but that clients should not break on (booleans seen in SDKs). */
export const wireFlag = z.union([z.literal(0), z.literal(1), z.boolean().transform((b) => (b ? 1 : 0))]);

/** Every JSON endpoint except the OAuth token exchange answers with this envelope (§1.3). */
export const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().optional().default(''),
  data: z.unknown().optional(),
  'x-traceID': z.string().optional(),
});

/** Mutations answer `data: null`; some fakes and revisions answer `{}`. Either is fine. */
export const wireNullData = z.unknown().transform(() => null);
