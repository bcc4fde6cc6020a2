/**
 * Control endpoint of the cloud features (not part of the real API; guarded like every
 * control route, see `control-guard.ts`):
 * `POST /__fake/direct-link {privateKey: string | null}` sets or clears the direct-link private
 * key (§8.3) and answers `{authKeyRequired}`. The key is never echoed.
 */
import { CONTROL_ROUTE } from '../control';
import { ApiError, CODES } from '../core/errors';
import { ok } from '../http/envelope';
import type { Router } from '../http/router';
import type { DirectLinks } from './direct-links';

export function registerCloudControlRoutes(api: Router, links: DirectLinks): void {
  api.post(
    '/__fake/direct-link',
    async (req) => {
      const value = (await req.body()).get('privateKey');
      if (value !== undefined && typeof value !== 'string')
        throw new ApiError(CODES.general, 'privateKey must be a string or null');
      links.setPrivateKey(value);
      return ok({ authKeyRequired: links.hasPrivateKey() });
    },
    CONTROL_ROUTE,
  );
}
