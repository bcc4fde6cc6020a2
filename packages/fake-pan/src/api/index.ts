/**
 * Wires every endpoint group into the two routers (see `src/http/router.ts` for how to add a
 * route).
 */
import type { FakePanContext } from '../http/context';
import type { Router } from '../http/router';
import { registerAuthRoutes } from './auth';
import { registerDetailRoutes } from './detail';
import { registerDownloadRoutes } from './download-info';
import { registerListRoutes } from './list';
import { registerMutationRoutes } from './mutations';
import { registerUploadRoutes, type UploadsHandle } from './upload-routes';
import { registerUserRoutes } from './user';

export interface Routers {
  /** The API host (`baseUrl`). */
  api: Router;
  /** The upload host (`uploadUrl`). */
  upload: Router;
}

/** Returns the upload handle that `startFakePan` exposes to tests as `FakePan.uploads`. */
export function registerApiRoutes(routers: Routers, ctx: FakePanContext): UploadsHandle {
  registerAuthRoutes(routers.api, ctx);
  registerUserRoutes(routers.api, ctx);
  registerListRoutes(routers.api, ctx);
  registerDetailRoutes(routers.api, ctx);
  registerMutationRoutes(routers.api, ctx);
  const uploads = registerUploadRoutes(routers, ctx);
  registerDownloadRoutes(routers.api, ctx);
  return uploads;
}
