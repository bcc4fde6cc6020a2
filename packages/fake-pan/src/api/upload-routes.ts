/**
 * Registers the upload endpoints (reference §7) on the two listeners:
 * - API host: `create`, `upload_complete`, `domain`, `sha1_reuse`;
 * - upload host (`uploadUrl`, handed out by create `servers` and `domain`): `slice`, `single/create`;
 * - the legacy v1 flow (`upload-v1.ts`): create, get_upload_url, list_upload_parts, upload_complete,
 *   upload_async_result on the API host, presigned PUTs on the upload host.
 *
 * Pre-upload sessions persist under `<dataDir>/uploads/` and are flushed on close. Their slices
 * are assembled in order while they arrive (`upload-assembly.ts`, on a worker thread); the
 * returned handle shows that progress to tests.
 */
import { createAssemblyWorker } from '../content/assembly-worker';
import type { FakePanContext } from '../http/context';
import type { Router } from '../http/router';
import { createUploadAssembler, type AssemblyStatus } from './upload-assembly';
import { createCompleter, registerCompleteRoute } from './upload-complete';
import { registerCreateRoutes } from './upload-create';
import { createUploadSessions } from './upload-sessions';
import { registerSingleRoute } from './upload-single';
import { registerSliceRoute } from './upload-slice';
import { registerV1UploadRoutes } from './upload-v1';

/** A look at upload internals for tests (`FakePan.uploads`). */
export interface UploadsHandle {
  /** Progress of a session's in-order assembly; undefined when none is live. */
  assembly(preuploadID: string): AssemblyStatus | undefined;
  /** Resolves once the assembly work handed out so far for the session has settled. */
  assemblySettled(preuploadID: string): Promise<void>;
}

export function registerUploadRoutes(
  routers: { api: Router; upload: Router },
  ctx: FakePanContext,
): UploadsHandle {
  const sessions = createUploadSessions({ dataDir: ctx.dataDir, clock: ctx.clock, faults: ctx.faults });
  ctx.onClose(async () => {
    sessions.flush();
    await sessions.settled();
  });
  const assembler = createUploadAssembler({ store: ctx.content, sessions, worker: createAssemblyWorker() });
  sessions.listen({
    sliceStored: (session, sliceNo) => assembler.sliceStored(session, sliceNo),
    released: (preuploadID) => assembler.drop(preuploadID),
  });
  ctx.onClose(() => assembler.close());
  registerCreateRoutes(routers.api, ctx, sessions);
  const completer = createCompleter(ctx, sessions, assembler);
  registerCompleteRoute(routers.api, ctx, completer, sessions);
  registerV1UploadRoutes(routers, ctx, sessions, completer);
  registerSliceRoute(routers.upload, ctx, sessions);
  registerSingleRoute(routers.upload, ctx);
  return {
    assembly: (preuploadID) => assembler.status(preuploadID),
    assemblySettled: (preuploadID) => assembler.settled(preuploadID),
  };
}
