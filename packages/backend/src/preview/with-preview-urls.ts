import { ok } from '@pandesk/contract';
import type { PanDeskApi } from '@pandesk/contract';
import type { PreviewGrants } from './preview-grants';

/**
 * `api` with `app.previewUrl` answered by minting a grant and `capabilities.preview` on: what a
 * host that serves previews wraps its handlers with. `urlOf` turns a grant into the host's URL
 * (`/api/preview/<grant>`, `pandesk-media://preview/<grant>`).
 */
export function withPreviewUrls(
  api: PanDeskApi,
  grants: PreviewGrants,
  urlOf: (grant: string) => string,
): PanDeskApi {
  return {
    ...api,
    app: {
      ...api.app,
      info: async () => {
        const info = await api.app.info();
        return info.ok
          ? ok({ ...info.value, capabilities: { ...info.value.capabilities, preview: true } })
          : info;
      },
      previewUrl: async ({ fileId }) => {
        const { grant, expiresAt } = grants.mint(fileId);
        return ok({ url: urlOf(grant), expiresAt });
      },
    },
  };
}
