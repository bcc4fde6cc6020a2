/**
 * Route table for one listener (the API host or the upload host).
 *
 * How to add a route:
 *   export function registerThingRoutes(api: Router, ctx: FakePanContext): void {
 *     api.post('/api/v1/thing', async (req) => {
 *       const body = await req.body();          // lenient Params (case-insensitive keys)
 *       const id = body.id('fileID');            // number or numeric string, else code 1
 *       if (!ctx.state.get(id)) throw notFound();// throw ApiError for business errors
 *       return ok({ fileID: id });               // or ok() for data: null, fail(code, msg)
 *     });
 *   }
 * and call it from `src/api/index.ts` (`registerApiRoutes`). Options: `{ auth: false }` for the
 * token endpoints, `CONTROL_ROUTE` (from `control.ts`) for the control endpoint: no token, faults,
 * Platform check or rate limit, but loopback Host/Origin and the control token. Multipart handlers read `req.raw` themselves and may `return HANDLED` after
 * writing `req.res`. The rate-limit key is the path without its leading slash, matching
 * `core/rate-table.ts`.
 *
 * For every route with checks, in this order: raw faults (`dropConnectionNext` destroys the
 * socket, `rawHttpErrorNext` with an HTML body, `nonJsonNext`), response delay, Platform header (switch `requirePlatformHeader`),
 * Authorization `Bearer <token>` (401 body code, HTTP 200), `force401Next` (authenticated routes),
 * `force429Next`, then the rate limiter (429 body code, HTTP 200).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { controlRefusal } from '../control-guard';
import { ApiError, CODES, MESSAGES } from '../core/errors';
import type { FakePanContext } from './context';
import {
  assignTraceId,
  fail,
  sendJson,
  sendNonJson,
  sendRawHttpError,
  sendReply,
  traceIdOf,
  type Reply,
} from './envelope';
import { createApiRequest, type ApiRequest } from './request';

export type Handler = (req: ApiRequest) => Reply | Promise<Reply>;

export interface RouteOptions {
  /** Needs `Authorization: Bearer <token>` (default true). */
  auth?: boolean;
  /** Apply faults, delay, Platform check and rate limit (default true). */
  checks?: boolean;
  /** A control route: loopback Host/Origin and the control token required (see control-guard.ts). */
  control?: boolean;
}

interface Route {
  handler: Handler;
  auth: boolean;
  checks: boolean;
  control: boolean;
}

export interface Router {
  get(path: string, handler: Handler, options?: RouteOptions): void;
  post(path: string, handler: Handler, options?: RouteOptions): void;
  put(path: string, handler: Handler, options?: RouteOptions): void;
  /** Node `request` listener. */
  handle(raw: IncomingMessage, res: ServerResponse): void;
}

/** Answers a check failure before the handler, or undefined to go on. */
async function preflight(
  ctx: FakePanContext,
  route: Route,
  req: ApiRequest,
): Promise<Reply | 'sent' | undefined> {
  const { faults, switches } = ctx;
  if (faults.dropConnectionNext > 0) {
    faults.dropConnectionNext--;
    req.raw.socket.destroy();
    return 'sent';
  }
  if (faults.rawHttpErrorNext > 0) {
    faults.rawHttpErrorNext--;
    sendRawHttpError(req.res, faults.rawHttpErrorStatus);
    return 'sent';
  }
  if (faults.nonJsonNext > 0) {
    faults.nonJsonNext--;
    sendNonJson(req.res);
    return 'sent';
  }
  if (faults.responseDelayMs > 0) await sleep(faults.responseDelayMs);
  if (switches.requirePlatformHeader && req.headers['platform'] !== 'open_platform') {
    return fail(CODES.general, 'Platform请求头缺失或无效');
  }
  if (route.auth) {
    const match = /^Bearer (\S+)$/.exec(req.headers['authorization'] ?? '');
    req.auth = match?.[1] ? ctx.tokens.verify(match[1]) : undefined;
    if (!req.auth) {
      const evicted = match?.[1] !== undefined && ctx.tokens.wasEvicted(match[1]);
      return fail(CODES.unauthorized, evicted ? MESSAGES.tokenEvicted : MESSAGES.unauthorized);
    }
    if (faults.force401Next > 0) {
      faults.force401Next--;
      return fail(CODES.unauthorized, MESSAGES.unauthorized);
    }
  }
  if (faults.force429Next > 0) {
    faults.force429Next--;
    return fail(CODES.tooManyRequests, MESSAGES.tooManyRequests);
  }
  if (faults.rateLimits) {
    const caller = req.auth ? `uid:${ctx.user.uid}` : 'anonymous';
    if (!ctx.limiter.allow(caller, req.path.replace(/^\/+/, ''), ctx.user.vip)) {
      return fail(CODES.tooManyRequests, MESSAGES.tooManyRequests);
    }
  }
  return undefined;
}

async function run(ctx: FakePanContext, route: Route, req: ApiRequest): Promise<void> {
  try {
    const early = route.control
      ? controlRefusal(req, new URL(ctx.urls.baseUrl).port, ctx.controlToken)
      : route.checks
        ? await preflight(ctx, route, req)
        : undefined;
    if (early === 'sent') return;
    sendReply(req.res, early ?? (await route.handler(req)));
  } catch (err) {
    if (req.res.headersSent) {
      req.res.destroy();
      return;
    }
    if (err instanceof ApiError) {
      sendReply(req.res, fail(err.code, err.message));
      return;
    }
    // A bug in the emulator: make it loud in the test output, but never echo request data.
    console.error('[fake-pan] handler error on', req.method, req.path, err);
    sendJson(req.res, 500, {
      code: 1,
      message: 'fake-pan internal error',
      data: null,
      'x-traceID': traceIdOf(req.res),
    });
  }
}

export function createRouter(ctx: FakePanContext): Router {
  const routes = new Map<string, Route>();
  const add =
    (method: string) =>
    (path: string, handler: Handler, options: RouteOptions = {}) => {
      routes.set(`${method} ${path}`, {
        handler,
        auth: options.auth ?? true,
        checks: options.checks ?? true,
        control: options.control ?? false,
      });
    };
  return {
    get: add('GET'),
    post: add('POST'),
    put: add('PUT'),
    handle(raw, res) {
      assignTraceId(res);
      const req = createApiRequest(raw, res);
      const route = routes.get(`${req.method} ${req.path}`);
      if (!route) {
        const known = [...routes.keys()].some((k) => k.endsWith(` ${req.path}`));
        sendJson(res, known ? 405 : 404, {
          code: 404,
          message: `no route ${req.method} ${req.path}`,
          data: null,
          'x-traceID': traceIdOf(res),
        });
        return;
      }
      void run(ctx, route, req);
    },
  };
}
