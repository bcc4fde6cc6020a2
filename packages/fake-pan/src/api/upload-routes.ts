/**
 * Registers the upload endpoints (reference §7) on the two listeners:
 * - API host: `create`, `upload_complete`, `domain`, `sha1_reuse`;
 * - upload host (`uploadUrl`, handed out by create `servers` and `domain`): `slice`, `single/create`;
 * - the legacy v1 flow (`upload-v1.ts`): create, get_upload_url, list_upload_parts, upload_complete,
 *   upload_async_result on the API host, presigned PUTs on the upload host.
 *
 * Pre-upload sessions persist under `<dataDir>/uploads/` and are flushed on close.
 */
import type { FakePanContext } from '../http/context';
import type { Router } from '../http/router';
import { createCompleter, registerCompleteRoute } from './upload-complete';
import { registerCreateRoutes } from './upload-create';
import { createUploadSessions, type UploadSessions } from './upload-sessions';
import { registerSingleRoute } from './upload-single';
import { registerSliceRoute } from './upload-slice';
import { registerV1UploadRoutes } from './upload-v1';

export function registerUploadRoutes(
  routers: { api: Router; upload: Router },
  ctx: FakePanContext,
): UploadSessions {
  const sessions = createUploadSessions({ dataDir: ctx.dataDir, clock: ctx.clock, faults: ctx.faults });
  ctx.onClose(() => sessions.flush());
  registerCreateRoutes(routers.api, ctx, sessions);
  const completer = createCompleter(ctx, sessions);
  registerCompleteRoute(routers.api, ctx, completer, sessions);
  registerV1UploadRoutes(routers, ctx, sessions, completer);
  registerSliceRoute(routers.upload, ctx, sessions);
  registerSingleRoute(routers.upload, ctx);
  return sessions;
}
