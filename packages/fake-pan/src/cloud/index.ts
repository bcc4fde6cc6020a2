/**
 * Shares, direct links, offline downloads and copies (reference §5.5, §6, §8.3, §9): registers
 * their routes on the API listener and returns what tests and the CDN listener need.
 * Background jobs (offline fetches, async copies) are cancelled and awaited on close, before the
 * state files are flushed.
 */
import type { FakePanContext } from '../http/context';
import type { Router } from '../http/router';
import { createBackground } from './background';
import { registerCopyRoutes, type CopyTasksHandle } from './copy-routes';
import { registerDirectLinkRoutes } from './direct-link-routes';
import { createDirectLinks, type DirectLinks } from './direct-links';
import { registerOfflineRoutes, type OfflineHandle } from './offline-routes';
import { registerShareRoutes, type SharesHandle } from './shares';

export interface CloudHandle {
  shares: SharesHandle;
  directLinks: DirectLinks;
  offline: OfflineHandle;
  copies: CopyTasksHandle;
  /** Resolves once every background job started so far (offline fetch, async copy) has ended. */
  idle(): Promise<void>;
}

export function registerCloudRoutes(
  api: Router,
  ctx: FakePanContext,
  options: { directLinkPrivateKey?: string },
): CloudHandle {
  const background = createBackground();
  ctx.onClose(() => background.close());
  const directLinks = createDirectLinks(ctx, options.directLinkPrivateKey);
  ctx.onClose(() => directLinks.flush());
  registerDirectLinkRoutes(api, ctx, directLinks);
  return {
    shares: registerShareRoutes(api, ctx),
    directLinks,
    offline: registerOfflineRoutes(api, ctx, background),
    copies: registerCopyRoutes(api, ctx, background),
    idle: () => background.idle(),
  };
}
