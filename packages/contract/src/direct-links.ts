import type { FileId } from './common';

/**
 * Direct links (直链, reference §6.4, §8.3): folders with "direct-link space" give each file
 * inside a long-lived public URL. They need an account with VIP or developer benefits
 * (`AccountInfo.vipLevel` / `AccountInfo.developer`). When the account has URL authentication
 * turned on, links are signed with the account's private key, which the back end keeps in its
 * secret vault: it is write-only here, like the client secret.
 */

/** Longest validity of a signed link PanDesk hands out: one year, in minutes. */
export const MAX_SIGNED_LINK_MINUTES = 525_600;

export interface DirectLinkStatus {
  /**
   * Folders PanDesk enabled direct links on, for the drive in use. The service has no call that
   * says whether a folder is enabled, so folders enabled elsewhere are not listed until they are
   * enabled here too (enabling again is harmless).
   */
  readonly enabledFolderIds: readonly FileId[];
  /** Whether a private key for URL authentication is stored (its value never leaves the back end). */
  readonly hasPrivateKey: boolean;
  /** How long a signed link stays valid, in minutes. */
  readonly signedLinkMinutes: number;
}

export interface DirectLink {
  readonly fileId: FileId;
  readonly url: string;
  /** True when an `auth_key` was added with the stored private key. */
  readonly signed: boolean;
  /** When a signed link stops working (epoch ms); `null` for an unsigned link (it does not expire). */
  readonly expiresAt: number | null;
}

export interface DirectLinkFolderInput {
  readonly folderId: FileId;
}

export interface DirectLinkFileInput {
  readonly fileId: FileId;
}

/**
 * Input of `directLinks.setSigning`. Omitted keys keep their value; `privateKey: null` forgets the
 * stored key (links are then handed out unsigned).
 */
export interface DirectLinkSigningPatch {
  readonly privateKey?: string | null;
  readonly signedLinkMinutes?: number;
}
