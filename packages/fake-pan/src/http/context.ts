/**
 * Everything a route handler may need, built once per emulator by `startFakePan`.
 * `switches` and `faults` are live objects: the control endpoint and `FakePan.faults.set`
 * mutate them in place, so handlers must read them at call time, never cache them.
 */
import type { ContentStore } from '../content/content-store';
import type { UrlSigner } from '../cdn/signing';
import type { Clock } from '@pandesk/contract';
import type { DriveState } from '../core/drive-state';
import type { RateLimiter } from '../core/rate-limiter';
import type { TokenStore } from '../core/tokens';
import type { Faults, Switches } from '../options';
import type { Traffic } from './traffic';

/** The single emulated account. */
export interface UserProfile {
  uid: number;
  nickname: string;
  /** VIP users get `vipInfo` and the VIP rate table. */
  vip: boolean;
  /** Epoch ms the account (and its developer status) started. */
  createdAt: number;
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
}

export interface OAuthApp extends Credentials {
  redirectUri: string;
}

export interface ListenerUrls {
  /** API listener, e.g. "http://127.0.0.1:41234" (no trailing slash). */
  baseUrl: string;
  /** Upload host handed out by create `servers` and `domain`. */
  uploadUrl: string;
  /** CDN serving download URLs. */
  cdnUrl: string;
}

export interface FakePanContext {
  readonly switches: Switches;
  readonly faults: Faults;
  readonly clock: Clock;
  readonly state: DriveState;
  readonly tokens: TokenStore;
  readonly limiter: RateLimiter;
  readonly content: ContentStore;
  /** Signs and verifies CDN download URLs (shared by download_info and the CDN listener). */
  readonly signer: UrlSigner;
  readonly user: UserProfile;
  /** Developer credentials accepted by `access_token`. */
  readonly developer: Credentials;
  /** The registered OAuth app (client id, secret, redirect uri). */
  readonly oauth: OAuthApp;
  /** Bytes served by the CDN and received by the upload host, for tests that measure them. */
  readonly traffic: Traffic;
  /** Filled in once the listeners are bound. */
  readonly urls: ListenerUrls;
  /** Secret every control call must carry (`X-Fake-Pan-Control`), random per start. */
  readonly controlToken: string;
  /** Data dir (a temp dir unless the caller chose one). */
  readonly dataDir: string;
  /** Registers cleanup run by `close()` (timers, temp files, flushing own persistence). */
  onClose(fn: () => void | Promise<void>): void;
}
