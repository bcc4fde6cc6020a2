/**
 * Registers the upload endpoints (reference §7) on the two listeners:
 * - API host: `create`, `upload_complete`, `domain`, `sha1_reuse`;
 * - upload host (`uploadUrl`, handed out by create `servers` and `domain`): `slice`, `single/create`.
 *
 * Pre-upload sessions persist under `<dataDir>/uploads/` and are flushed on close.
 */
import type { FakePanContext } from '../http/context';
import type { Router } from '../http/router';
import { registerCompleteRoute } from './upload-complete';
import { registerCreateRoutes } from './upload-create';
import { createUploadSessions, type UploadSessions } from './upload-sessions';
import { registerSingleRoute } from './upload-single';
import { registerSliceRoute } from './upload-slice';

export function registerUploadRoutes(
  routers: { api: Router; upload: Router },
  ctx: FakePanContext,
): UploadSessions {
  const sessions = createUploadSessions({ dataDir: ctx.dataDir, clock: ctx.clock, faults: ctx.faults });
  ctx.onClose(() => sessions.flush());
  registerCreateRoutes(routers.api, ctx, sessions);
  registerCompleteRoute(routers.api, ctx, sessions);
  registerSliceRoute(routers.upload, ctx, sessions);
  registerSingleRoute(routers.upload, ctx);
  return sessions;
}
