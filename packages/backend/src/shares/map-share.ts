/**
 * open-api's share shapes → the contract's. A share that never expires shows a far-future time
 * (the service's stand-in for "never", §6.2); anything more than 50 years ahead, or no usable
 * time at all, is shown as never expiring.
 */
import type { ShareLink, ShareTraffic } from '@pandesk/contract';
import type { ShareLink as PanShareLink, ShareTraffic as PanShareTraffic } from '@pandesk/open-api';

const NEVER_AFTER_MS = 50 * 365 * 24 * 3600 * 1000;

export function toExpiresAt(serviceMs: number, now: number): number | null {
  if (!Number.isFinite(serviceMs) || serviceMs <= 0 || serviceMs - now > NEVER_AFTER_MS) return null;
  return serviceMs;
}

export function toTraffic(t: PanShareTraffic | undefined): ShareTraffic | null {
  return t === undefined ? null : { package: t.package, limitBytes: t.limitBytes };
}

export function toShareLink(s: PanShareLink, now: number): ShareLink {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    extractionCode: s.password === '' ? null : s.password,
    expiresAt: toExpiresAt(s.expiresAt, now),
    expired: s.expired,
    traffic: toTraffic(s.traffic),
    previews: s.previews,
    downloads: s.downloads,
    saves: s.saves,
    bytesCharged: s.bytesCharged,
  };
}
