import { z } from 'zod';

/** `POST /api/v1/access_token` data (§2.1). `expiredAt` is RFC 3339 with an offset. */
export const wireAccessTokenData = z.object({
  accessToken: z.string().min(1),
  expiredAt: z.string(),
});

/** `POST /api/v1/oauth2/access_token` success: flat, not enveloped (§2.3). */
export const wireOAuthToken = z.object({
  access_token: z.string().min(1),
  expires_in: z.number(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
  token_type: z.string().optional(),
});

/** OAuth failures come either as the usual envelope or as `error`/`error_description` (§2.3). */
export const wireOAuthError = z.object({
  error: z.string(),
  error_description: z.string().optional(),
});
