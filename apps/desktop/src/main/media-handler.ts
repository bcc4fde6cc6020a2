import { refusal } from '@pandesk/backend';
import type { PreviewGrants, PreviewResponder } from '@pandesk/backend';
import { grantOfMediaUrl } from './media-url';

/**
 * The `pandesk-media://` handler: finds the file of the URL's grant and answers with the back
 * end's preview responder (Range forwarded to the CDN, expired CDN URLs renewed, headers set),
 * the same one the browser host serves `/api/preview/<grant>` with. Plain Node (no electron),
 * so it is tested without Electron; app-protocol.ts hands it to `protocol.handle`.
 */

export interface MediaHandlerDeps {
  readonly grants: PreviewGrants;
  /** Undefined until the back end is composed (the scheme is served from `ready` on). */
  readonly respond: () => PreviewResponder | undefined;
}

export function createMediaHandler(deps: MediaHandlerDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const grant = grantOfMediaUrl(request.url);
    const fileId = grant === undefined ? undefined : deps.grants.fileOf(grant);
    if (fileId === undefined) return refusal(410, 'This preview link has expired.');
    const respond = deps.respond();
    if (respond === undefined) return refusal(503, 'PanDesk is still starting.');
    return respond(fileId, {
      method: request.method,
      range: request.headers.get('range') ?? undefined,
      signal: request.signal,
    });
  };
}
