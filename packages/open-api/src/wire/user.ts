import { z } from 'zod';

/** `GET /api/v1/user/info` data (§3). `vipInfo` is null for non-VIP accounts. */
export const wireVipInfo = z.object({
  vipLevel: z.number(),
  vipLabel: z.string().optional(),
  startTime: z.string().optional(),
  endTime: z.string().optional(),
});

export const wireUserInfo = z.object({
  uid: z.number(),
  nickname: z.string().optional().default(''),
  headImage: z.string().optional(),
  passport: z.string().optional(),
  mail: z.string().optional(),
  spaceUsed: z.number(),
  spacePermanent: z.number(),
  spaceTemp: z.number().optional().default(0),
  /** Typed "string" in the field table, `0` in the example (§3): accept either. */
  spaceTempExpr: z.union([z.string(), z.number()]).optional(),
  vip: z.boolean().optional(),
  directTraffic: z.number().optional(),
  isHideUID: z.boolean().optional(),
  httpsCount: z.number().optional(),
  vipInfo: z.array(wireVipInfo).nullable().optional(),
  developerInfo: z
    .object({ startTime: z.string().optional(), endTime: z.string().optional() })
    .nullable()
    .optional(),
});
export type WireUserInfo = z.infer<typeof wireUserInfo>;
