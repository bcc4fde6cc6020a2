/**
 * `startFakePan(options)`: a faithful 123 Open Platform emulator on loopback with three
 * listeners (API, upload host, CDN), a drive persisted in a data dir, and fault/switch hooks
 * for tests. See DESIGN.md for the module map.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerApiRoutes } from './api';
import type { UploadsHandle } from './api/upload-routes';
import { keepConnectionsLikeTheService } from './http/keep-alive';
import { startCdnServer } from './cdn/cdn-server';
import { createUrlSigner } from './cdn/signing';
import { registerCloudRoutes, type CloudHandle } from './cloud';
import { registerCloudControlRoutes } from './cloud/control';
import { createContentStore } from './content/content-store';
import { registerControlRoutes } from './control';
import { createControlToken } from './control-guard';
import { systemClock } from '@pandesk/contract';
import { createDriveState } from './core/drive-state';
import { loadIdentity } from './core/identity';
import { createRateLimiter } from './core/rate-limiter';
import { createTokenStore } from './core/tokens';
import type { FakePanContext, ListenerUrls } from './http/context';
import { createRouter } from './http/router';
import { createTraffic } from './http/traffic';
import type { TrafficHandle } from './http/traffic';
import { DEFAULT_FAULTS, DEFAULT_SWITCHES, type FakePanOptions, type Faults, type Switches } from './options';
import { seedDemo } from './seed/demo';
import { createStateHandle, type StateHandle } from './state-handle';

export * from './options';
export type { FileNode } from './core/drive-state';
export type { StateHandle } from './state-handle';
export type { FakePanContext } from './http/context';
export type { UploadsHandle } from './api/upload-routes';
export type { TrafficHandle } from './http/traffic';
export type { AssemblyStatus } from './api/upload-assembly';
export type { CloudHandle } from './cloud';
export { CONTROL_HEADER } from './control-guard';

export interface FakePan {
  /** API host, e.g. "http://127.0.0.1:41234" (no trailing slash). */
  baseUrl: string;
  /** Upload host (what create `servers` and `domain` hand out). */
  uploadUrl: string;
  cdnUrl: string;
  /** Developer credentials for `POST /api/v1/access_token`. */
  clientId: string;
  clientSecret: string;
  /** The registered OAuth app; `issueCode()` stands in for the consent page. */
  oauth: { clientId: string; clientSecret: string; redirectUri: string; issueCode(): string };
  /**
   * The secret every `/__fake/*` call must send in the `X-Fake-Pan-Control` header
   * (`CONTROL_HEADER`), random per start. Unused when started with `controlRoutes: false`.
   */
  controlToken: string;
  /** Where state and blobs live. */
  dataDir: string;
  state: StateHandle;
  faults: { get(): Faults; set(partial: Partial<Faults>): void; reset(): void };
  switches: { get(): Switches; set(partial: Partial<Switches>): void };
  /**
   * `expire`: force-expire one access token, or all when omitted; returns how many expired.
   * `issue`: a developer token minted directly (counts towards the 3-token cap like a login).
   */
  tokens: { expire(token?: string): number; issue(): string };
  /** Turns VIP on or off at run time (vipInfo and the rate table follow). */
  setVip(vip: boolean): void;
  /** Everything the handlers see, for tests that need more than `state`. */
  context: FakePanContext;
  /** Upload internals for tests: progress of the in-order slice assembly per preuploadID. */
  uploads: UploadsHandle;
  /** Shares, direct links, offline download and copy tasks, as the emulator holds them. */
  cloud: CloudHandle;
  /** Bytes the CDN served and the upload host received, per file MD5 and per upload session. */
  traffic: TrafficHandle;
  close(): Promise<void>;
}

async function listen(server: Server, host: string, port: number): Promise<string> {
  keepConnectionsLikeTheService(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startFakePan(options: FakePanOptions = {}): Promise<FakePan> {
  const host = options.host ?? '127.0.0.1';
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'fake-pan-'));
  const persistDir = ownDir ? undefined : dataDir;
  const clock = options.clock ?? systemClock;
  const switches: Switches = { ...DEFAULT_SWITCHES, ...options.switches };
  const initialFaults: Faults = { ...DEFAULT_FAULTS, ...options.faults };
  const faults: Faults = { ...initialFaults };
  const identity = loadIdentity(dataDir, clock.now(), options);
  const content = await createContentStore({ dataDir });
  const closers: (() => void | Promise<void>)[] = [];
  const urls: ListenerUrls = { baseUrl: '', uploadUrl: '', cdnUrl: '' };
  const ctx: FakePanContext = {
    switches,
    faults,
    clock,
    // A temp data dir dies with the emulator: persisting the drive there is wasted work
    // (a 20,000-node drive takes ~100 ms to write), so only a caller-chosen dir gets it.
    state: createDriveState({ clock, switches, dataDir: persistDir }),
    tokens: createTokenStore(clock, faults, persistDir),
    limiter: createRateLimiter({ clock, windowMs: () => faults.rateWindowMs }),
    content,
    signer: createUrlSigner({ secret: Buffer.from(identity.cdnSecret, 'hex'), now: clock.now }),
    user: {
      uid: identity.uid,
      nickname: 'fake-pan',
      vip: options.vip ?? false,
      createdAt: identity.createdAt,
    },
    developer: identity.developer,
    oauth: identity.oauth,
    traffic: createTraffic(),
    urls,
    controlToken: createControlToken(),
    dataDir,
    onClose: (fn) => closers.push(fn),
  };
  if (options.seed === 'demo') await seedDemo(ctx);

  const api = createRouter(ctx);
  const upload = createRouter(ctx);
  const uploads = registerApiRoutes({ api, upload }, ctx);
  const cloud = registerCloudRoutes(api, ctx, { directLinkPrivateKey: options.directLinkPrivateKey });
  if (options.controlRoutes !== false) {
    registerControlRoutes(api, ctx, initialFaults);
    registerCloudControlRoutes(api, cloud.directLinks);
  }
  const apiServer = createServer((req, res) => api.handle(req, res));
  const uploadServer = createServer((req, res) => upload.handle(req, res));
  let cdn: Awaited<ReturnType<typeof startCdnServer>>;
  try {
    urls.baseUrl = await listen(apiServer, host, options.port ?? 0);
    urls.uploadUrl = await listen(uploadServer, host, options.uploadPort ?? 0);
    cdn = await startCdnServer({
      store: content,
      signer: ctx.signer,
      faults,
      switches,
      directLinks: cloud.directLinks.resolver,
      traffic: ctx.traffic,
      host,
      port: options.cdnPort ?? 0,
    });
  } catch (err) {
    // A port in use: release what did start and the temp dir, then report.
    await Promise.all([apiServer, uploadServer].filter((s) => s.listening).map(closeServer));
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  urls.cdnUrl = cdn.url;

  let closed: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    await Promise.all([closeServer(apiServer), closeServer(uploadServer), cdn.close()]);
    for (const fn of closers) await fn();
    ctx.state.flush();
    ctx.tokens.flush();
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  return {
    ...urls,
    clientId: identity.developer.clientId,
    clientSecret: identity.developer.clientSecret,
    oauth: {
      ...identity.oauth,
      issueCode: () => ctx.tokens.issueCode(identity.oauth.clientId, identity.oauth.redirectUri),
    },
    controlToken: ctx.controlToken,
    dataDir,
    state: createStateHandle(ctx.state, content),
    faults: {
      get: () => ({ ...faults }),
      set: (partial) => void Object.assign(faults, partial),
      reset: () => void Object.assign(faults, initialFaults),
    },
    switches: { get: () => ({ ...switches }), set: (partial) => void Object.assign(switches, partial) },
    tokens: {
      expire: (token) => ctx.tokens.expire(token),
      issue: () => ctx.tokens.issueDeveloperToken(identity.developer.clientId).token,
    },
    setVip: (vip) => {
      ctx.user.vip = vip;
    },
    context: ctx,
    uploads,
    cloud,
    traffic: ctx.traffic,
    close: () => (closed ??= close()),
  };
}
