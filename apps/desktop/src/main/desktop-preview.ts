import { createPreviewGrants, createPreviewResponder, withPreviewUrls } from '@pandesk/backend';
import type { Backend, PreviewResponder } from '@pandesk/backend';
import type { PanDeskApi } from '@pandesk/contract';
import { APP_ORIGIN } from './app-url';
import { createMediaHandler } from './media-handler';
import { mediaUrlOf } from './media-url';

/**
 * The quick preview on the desktop: `app.previewUrl` mints grants for `pandesk-media://`, and
 * the scheme's handler streams their files through the back end's preview responder once the
 * back end is composed (the scheme is served from `ready` on, before that). Plain Node.
 */
export interface DesktopPreview {
  /** The handlers with `app.previewUrl` answered and `capabilities.preview` on. */
  wrap(api: PanDeskApi): PanDeskApi;
  /** Starts answering the scheme with this back end's files and signed URLs. */
  attach(backend: Pick<Backend, 'api' | 'downloadUrl' | 'cdnFetch'>): void;
  /** For `protocol.handle('pandesk-media', …)`. */
  readonly handler: (request: Request) => Promise<Response>;
}

export function createDesktopPreview(): DesktopPreview {
  const grants = createPreviewGrants();
  let responder: PreviewResponder | undefined;
  return {
    wrap: (api) => withPreviewUrls(api, grants, mediaUrlOf),
    attach(backend) {
      // The app page (pandesk://app) frames the PDF and reads text across the two schemes.
      responder = createPreviewResponder({
        files: backend.api.files,
        links: backend,
        fetch: backend.cdnFetch,
        frameAncestors: APP_ORIGIN,
        allowOrigin: APP_ORIGIN,
      });
    },
    handler: createMediaHandler({ grants, respond: () => responder }),
  };
}

/** View > Preview Pane: flips the setting; the window follows through `settings:changed`. */
export async function togglePreviewPane(api: Pick<PanDeskApi, 'settings'>): Promise<void> {
  const current = await api.settings.get();
  if (current.ok) await api.settings.update({ previewPane: !current.value.previewPane });
}
