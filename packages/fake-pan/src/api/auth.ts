/**
 * Token endpoints (reference §2): `POST /api/v1/access_token` (developer credentials in a JSON
 * body, enveloped answer) and `POST /api/v1/oauth2/access_token` (query-string parameters,
 * flat answer on success, envelope on failure).
 */
import { timingSafeEqual } from 'node:crypto';
import { formatRfc3339Cst } from '../core/clock';
import { ApiError, CODES } from '../core/errors';
import type { OAuthGrant } from '../core/tokens';
import type { FakePanContext } from '../http/context';
import { flat, ok } from '../http/envelope';
import type { ApiRequest } from '../http/request';
import type { Router } from '../http/router';

const OAUTH_SCOPE = 'user:base,file:all:read,file:all:write';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function grantBody(ctx: FakePanContext, grant: OAuthGrant): Record<string, unknown> {
  return {
    access_token: grant.access.token,
    expires_in: Math.round((grant.access.expiresAt - ctx.clock.now()) / 1000),
    refresh_token: grant.refreshToken,
    scope: OAUTH_SCOPE,
    token_type: 'Bearer',
  };
}

function oauthGrant(ctx: FakePanContext, req: ApiRequest): OAuthGrant {
  const q = req.query;
  const clientId = q.optionalString('client_id') ?? '';
  const secret = q.optionalString('client_secret') ?? '';
  if (!same(clientId, ctx.oauth.clientId) || !same(secret, ctx.oauth.clientSecret)) {
    throw new ApiError(CODES.unauthorized, 'invalid client');
  }
  const grantType = q.optionalString('grant_type');
  if (grantType === 'authorization_code') {
    const redirectUri = q.optionalString('redirect_uri') ?? '';
    if (redirectUri !== ctx.oauth.redirectUri) throw new ApiError(CODES.general, 'redirect_uri不匹配');
    const grant = ctx.tokens.exchangeCode(q.optionalString('code') ?? '', clientId, redirectUri);
    if (!grant) throw new ApiError(CODES.general, 'invalid code');
    return grant;
  }
  if (grantType === 'refresh_token') {
    const grant = ctx.tokens.refresh(q.optionalString('refresh_token') ?? '', clientId);
    if (!grant) throw new ApiError(CODES.unauthorized, 'invalid refresh_token');
    return grant;
  }
  throw new ApiError(CODES.general, 'unsupported grant_type');
}

export function registerAuthRoutes(api: Router, ctx: FakePanContext): void {
  api.post(
    '/api/v1/access_token',
    async (req) => {
      const body = await req.body();
      const clientId = body.optionalString('clientID') ?? '';
      const secret = body.optionalString('clientSecret') ?? '';
      if (!same(clientId, ctx.developer.clientId) || !same(secret, ctx.developer.clientSecret)) {
        throw new ApiError(CODES.unauthorized, 'invalid client: clientID或clientSecret错误');
      }
      const token = ctx.tokens.issueDeveloperToken(clientId);
      return ok({ accessToken: token.token, expiredAt: formatRfc3339Cst(token.expiresAt) });
    },
    { auth: false },
  );

  api.post('/api/v1/oauth2/access_token', (req) => flat(grantBody(ctx, oauthGrant(ctx, req))), {
    auth: false,
  });
}
