import type { FileId } from '@pandesk/contract';
import { createExpiringTokens } from '../tokens/expiring-tokens';

/**
 * Grants the quick preview reads one cloud file with. Unlike a download ticket a grant is
 * reusable until it expires, because a `<video>` seeks with many `Range` requests; it is bound
 * to one file id, so it reveals nothing else, and it is 128 random bits, so it cannot be
 * guessed (see expiring-tokens.ts).
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
  const lifetime = options.lifetimeMs ?? GRANT_LIFETIME_MS;
  const now = options.now ?? Date.now;
  const tokens = createExpiringTokens<FileId>({ lifetimeMs: lifetime, max: MAX_GRANTS, now });
  return {
    mint(fileId) {
      // Reused only while it has most of its life left, so a viewer opened late still gets minutes.
      const live =
        tokens.find((id, expiresAt) => id === fileId && expiresAt - now() > lifetime / 2) ??
        tokens.mint(fileId);
      return { grant: live.token, expiresAt: live.expiresAt };
    },
    fileOf: (grant) => tokens.peek(grant),
  };
}
