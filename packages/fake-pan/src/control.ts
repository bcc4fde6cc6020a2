/**
 * `/__fake/*`: the emulator's own control endpoint on the API listener (not part of the real
 * API). No access token, faults or rate limit; instead every call needs a loopback `Host` (and
 * `Origin`, if any) and the per-start control token in `X-Fake-Pan-Control` (see
 * `control-guard.ts`; refused with HTTP 403). Off altogether with `controlRoutes: false`, as in
 * the app's demo drive. Answers use the normal envelope.
 *
 * | method | path                   | body / answer |
 * |--------|------------------------|---------------|
 * | GET    | /__fake/faults         | → current Faults |
 * | POST   | /__fake/faults         | partial Faults, merged → the result |
 * | GET    | /__fake/switches       | → current Switches |
 * | POST   | /__fake/switches       | partial Switches, merged → the result |
 * | POST   | /__fake/reset-faults   | back to the faults given at start → the result |
 * | POST   | /__fake/tokens/expire  | `{token?}`: one token, or all when absent → `{expired}` |
 * | POST   | /__fake/oauth/code     | → `{code, redirectUri, clientId}` (a fresh authorization code) |
 * | GET    | /__fake/state          | → summary (counts, sizes, user, urls) |
 * | POST   | /__fake/user           | `{vip: boolean}` → `{uid, vip}` (VIP info and rate table follow) |
 */
import { ApiError, CODES } from './core/errors';
import type { FakePanContext } from './http/context';
import { ok } from './http/envelope';
import type { Router } from './http/router';
import type { Faults, Switches } from './options';
import type { RouteOptions } from './http/router';

/** Route options of every control route: guarded by `control-guard.ts`, no API checks. */
export const CONTROL_ROUTE: RouteOptions = { auth: false, checks: false, control: true };

/** Merges known keys only, with the type of the current value; unknown keys or wrong types → code 1. */
export function mergeKnown<T extends object>(target: T, patch: unknown): T {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch))
    throw new ApiError(CODES.general, 'body must be an object');
  const record = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (!(key in record)) throw new ApiError(CODES.general, `unknown key ${key}`);
    if (typeof value !== typeof record[key])
      throw new ApiError(CODES.general, `${key} must be a ${typeof record[key]}`);
  }
  Object.assign(record, patch);
  return target;
}

async function jsonBody(raw: AsyncIterable<Buffer>): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of raw) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(CODES.general, 'body is not JSON');
  }
}

export function stateSummary(ctx: FakePanContext): Record<string, unknown> {
  let files = 0;
  let folders = 0;
  let trashed = 0;
  for (const node of ctx.state.tree.values()) {
    if (node.type === 1) folders++;
    else files++;
    if (node.trashed) trashed++;
  }
  return {
    files,
    folders,
    trashed,
    spaceUsed: ctx.state.spaceUsed(),
    quotaBytes: ctx.faults.quotaBytes,
    liveTokens: ctx.tokens.liveCount(),
    user: { uid: ctx.user.uid, vip: ctx.user.vip },
    urls: { ...ctx.urls },
  };
}

/** @param initialFaults what `reset-faults` goes back to (defaults merged with start options). */
export function registerControlRoutes(api: Router, ctx: FakePanContext, initialFaults: Faults): void {
  api.get('/__fake/faults', () => ok({ ...ctx.faults }), CONTROL_ROUTE);
  api.post(
    '/__fake/faults',
    async (req) => ok({ ...mergeKnown<Faults>(ctx.faults, await jsonBody(req.raw)) }),
    CONTROL_ROUTE,
  );
  api.get('/__fake/switches', () => ok({ ...ctx.switches }), CONTROL_ROUTE);
  api.post(
    '/__fake/switches',
    async (req) => ok({ ...mergeKnown<Switches>(ctx.switches, await jsonBody(req.raw)) }),
    CONTROL_ROUTE,
  );
  api.post('/__fake/reset-faults', () => ok({ ...Object.assign(ctx.faults, initialFaults) }), CONTROL_ROUTE);
  api.post(
    '/__fake/tokens/expire',
    async (req) => {
      const body = (await jsonBody(req.raw)) as { token?: unknown };
      const token = typeof body.token === 'string' ? body.token : undefined;
      return ok({ expired: ctx.tokens.expire(token) });
    },
    CONTROL_ROUTE,
  );
  api.post(
    '/__fake/oauth/code',
    () =>
      ok({
        code: ctx.tokens.issueCode(ctx.oauth.clientId, ctx.oauth.redirectUri),
        clientId: ctx.oauth.clientId,
        redirectUri: ctx.oauth.redirectUri,
      }),
    CONTROL_ROUTE,
  );
  api.get('/__fake/state', () => ok(stateSummary(ctx)), CONTROL_ROUTE);
  api.post(
    '/__fake/user',
    async (req) => {
      const body = (await jsonBody(req.raw)) as { vip?: unknown };
      if (typeof body.vip !== 'boolean') throw new ApiError(CODES.general, 'vip must be a boolean');
      ctx.user.vip = body.vip;
      return ok({ uid: ctx.user.uid, vip: ctx.user.vip });
    },
    CONTROL_ROUTE,
  );
}
