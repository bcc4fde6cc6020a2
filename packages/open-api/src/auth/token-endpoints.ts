import { PanError } from '../errors';
import type { HttpCore } from '../http/core';
import { ENDPOINTS } from '../http/endpoints';
import { describeIssues } from '../http/envelope';
import { serviceError } from '../http/service-errors';
import { parseServiceTime } from '../map/time';
import type { Clock } from '@pandesk/contract';
import { wireAccessTokenData, wireOAuthError, wireOAuthToken } from '../wire/auth';
import { envelopeSchema } from '../wire/common';
import type { MintedToken, TokenMinter } from './types';

/** Used when `expiredAt` cannot be parsed: the documented lifetime is 30 days; assume 29 (as rclone). */
const FALLBACK_LIFETIME_MS = 29 * 24 * 3600_000;

export interface OAuthCodeExchange {
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
}

export interface TokenEndpoints extends TokenMinter {
  exchangeCode(
    input: OAuthCodeExchange,
    signal?: AbortSignal,
  ): Promise<MintedToken & { refreshToken: string }>;
}

export function createTokenEndpoints(core: HttpCore, clock: Clock): TokenEndpoints {
  const oauth = async (
    query: Record<string, string | undefined>,
    signal?: AbortSignal,
  ): Promise<MintedToken & { refreshToken: string }> => {
    const flat = await core.callRaw(ENDPOINTS.oauthToken, decodeOAuth, {
      query,
      signal,
      acceptErrorJson: true,
    });
    return {
      accessToken: flat.access_token,
      refreshToken: flat.refresh_token,
      expiresAt: clock.now() + flat.expires_in * 1000,
    };
  };
  return {
    async clientCredentials(clientId, clientSecret, signal) {
      const data = await core.call(ENDPOINTS.accessToken, wireAccessTokenData, {
        json: { clientID: clientId, clientSecret },
        signal,
      });
      const expiresAt = parseServiceTime(data.expiredAt) ?? clock.now() + FALLBACK_LIFETIME_MS;
      return { accessToken: data.accessToken, expiresAt };
    },
    oauthRefresh(clientId, clientSecret, refreshToken, signal) {
      return oauth(
        {
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'refresh_token',
          refresh_token: refreshToken,
        },
        signal,
      );
    },
    exchangeCode(input, signal) {
      return oauth(
        {
          client_id: input.clientId,
          client_secret: input.clientSecret,
          grant_type: 'authorization_code',
          code: input.code,
          redirect_uri: input.redirectUri,
        },
        signal,
      );
    },
  };
}

/** The OAuth answer is flat on success; failures come as an envelope or as `error` (§2.3). */
function decodeOAuth(json: unknown): { access_token: string; expires_in: number; refresh_token: string } {
  const endpoint = ENDPOINTS.oauthToken.id;
  const ok = wireOAuthToken.safeParse(json);
  if (ok.success) return ok.data;
  const env = envelopeSchema.safeParse(json);
  if (env.success && env.data.code !== 0)
    throw serviceError(env.data.code, env.data.message, env.data['x-traceID'], endpoint);
  const err = wireOAuthError.safeParse(json);
  if (err.success) {
    const text = err.data.error_description
      ? `${err.data.error}: ${err.data.error_description}`
      : err.data.error;
    throw new PanError('auth_required', `${endpoint}: ${text}`, { endpoint });
  }
  throw new PanError('bad_response', `${endpoint}: unexpected answer (${describeIssues(ok.error.issues)})`, {
    endpoint,
  });
}
