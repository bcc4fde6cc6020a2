import { randomBytes } from 'node:crypto';
import type { FileId } from '@pandesk/contract';

/**
 * Grants the quick preview reads one cloud file with. Unlike a download ticket a grant is
 * reusable until it expires, because a `<video>` seeks with many `Range` requests; it is bound
 * to one file id, so it reveals nothing else, and it is 128 random bits, so it cannot be
 * guessed. Grants live in memory only and die with the host.
 */

/** How long a grant answers: a long video watched in one go; after that the UI asks again. */
export const GRANT_LIFETIME_MS = 30 * 60_000;
/** Most grants kept; minting more drops the oldest. */
export const MAX_GRANTS = 500;

export interface PreviewGrant {
  readonly grant: string;
  readonly expiresAt: number;
}

export interface PreviewGrants {
  /** A grant for the file (a live one for the same file is reused, so arrows back and forth mint none). */
  mint(fileId: FileId): PreviewGrant;
  /** The file the grant reads, or undefined when unknown or expired. Does not use it up. */
  fileOf(grant: string): FileId | undefined;
}

export interface PreviewGrantOptions {
  readonly now?: () => number;
  readonly lifetimeMs?: number;
}

export function createPreviewGrants(options: PreviewGrantOptions = {}): PreviewGrants {
  const now = options.now ?? Date.now;
  const lifetime = options.lifetimeMs ?? GRANT_LIFETIME_MS;
  const grants = new Map<string, { fileId: FileId; expiresAt: number }>();

  const dropExpired = (): void => {
    const time = now();
    for (const [grant, entry] of grants) if (entry.expiresAt <= time) grants.delete(grant);
  };
  const liveGrantOf = (fileId: FileId): PreviewGrant | undefined => {
    for (const [grant, entry] of grants)
      // Reused only while it has most of its life left, so a viewer opened late still gets minutes.
      if (entry.fileId === fileId && entry.expiresAt - now() > lifetime / 2)
        return { grant, expiresAt: entry.expiresAt };
    return undefined;
  };

  return {
    mint(fileId) {
      dropExpired();
      const live = liveGrantOf(fileId);
      if (live !== undefined) return live;
      for (const grant of grants.keys()) {
        if (grants.size < MAX_GRANTS) break;
        grants.delete(grant);
      }
      const grant = randomBytes(16).toString('base64url');
      const expiresAt = now() + lifetime;
      grants.set(grant, { fileId, expiresAt });
      return { grant, expiresAt };
    },
    fileOf(grant) {
      const entry = grants.get(grant);
      if (entry === undefined) return undefined;
      if (entry.expiresAt > now()) return entry.fileId;
      grants.delete(grant);
      return undefined;
    },
  };
}
