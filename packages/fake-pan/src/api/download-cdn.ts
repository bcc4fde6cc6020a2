/**
 * Glue between an emulator context and the fake CDN: one URL signer per emulator (shared by
 * `download_info`, which signs, and the CDN listener, which verifies) and a starter for the CDN
 * listener bound to the context's content store, clock, faults and switches.
 */
import { startCdnServer, type CdnServer } from '../cdn/cdn-server';
import { createUrlSigner, type UrlSigner } from '../cdn/signing';
import type { FakePanContext } from '../http/context';

const signers = new WeakMap<FakePanContext, UrlSigner>();

/** The emulator's signer (random secret, so URLs die with the emulator, like a real key rotation). */
export function signerFor(ctx: FakePanContext): UrlSigner {
  let signer = signers.get(ctx);
  if (!signer) {
    signer = createUrlSigner({ now: () => ctx.clock.now() });
    signers.set(ctx, signer);
  }
  return signer;
}

/**
 * Starts the CDN listener for `ctx` (port 0 = any free port) and registers its shutdown with
 * `ctx.onClose`. Put the returned `url` into `ctx.urls.cdnUrl`.
 */
export async function startContextCdn(ctx: FakePanContext, options: { host?: string; port?: number } = {}): Promise<CdnServer> {
  const cdn = await startCdnServer({
    store: ctx.content,
    signer: signerFor(ctx),
    faults: ctx.faults,
    switches: ctx.switches,
    ...options,
  });
  ctx.onClose(() => cdn.close());
  return cdn;
}
