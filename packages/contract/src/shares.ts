import type { FileId } from './common';

/**
 * Share links as the renderer sees them (reference §6.1-§6.3). A share's extraction code is not
 * a credential of the user's account: it is handed to the people the link is for, so it is
 * shown and copied with the link. Times are epoch milliseconds.
 */

/** How long a share lives, in days; `0` = it never expires. */
export type ShareExpiryDays = 0 | 1 | 7 | 30;
export const SHARE_EXPIRY_DAYS = [1, 7, 30, 0] as const satisfies readonly ShareExpiryDays[];

/**
 * The share's traffic package (§6.1 `trafficSwitch`): `off` (the default), guests may fetch
 * without signing in, users over their own quota may fetch, or both.
 */
export type ShareTrafficPackage = 'off' | 'guests_without_login' | 'over_quota_users' | 'all';
export const SHARE_TRAFFIC_PACKAGES = [
  'off',
  'guests_without_login',
  'over_quota_users',
  'all',
] as const satisfies readonly ShareTrafficPackage[];

export interface ShareTraffic {
  readonly package: ShareTrafficPackage;
  /** Bytes the share may serve, or `null` for no limit. */
  readonly limitBytes: number | null;
}

/** Share names have fewer than 35 characters (§6.1). */
export const MAX_SHARE_NAME_CHARS = 34;
/** Files and folders one share holds at most (§6.1). */
export const MAX_SHARE_ITEMS = 100;
/**
 * What PanDesk accepts as an extraction code: 4 to 8 letters or digits. The service does not
 * document its rule; this is the common form (PanDesk generates 4 characters).
 */
export const EXTRACTION_CODE_PATTERN = /^[A-Za-z0-9]{4,8}$/;

export interface ShareLink {
  readonly id: number;
  readonly name: string;
  /** The public page, `https://www.123pan.com/s/<key>`. */
  readonly url: string;
  /** `null` when the share has none. */
  readonly extractionCode: string | null;
  /** When it stops working; `null` when it never expires (or the service gave no usable time). */
  readonly expiresAt: number | null;
  readonly expired: boolean;
  /** `null` when the service did not say. */
  readonly traffic: ShareTraffic | null;
  readonly previews: number;
  readonly downloads: number;
  readonly saves: number;
  readonly bytesCharged: number;
}

export interface SharePage {
  readonly items: readonly ShareLink[];
  /** `null` when this was the last page. */
  readonly cursor: string | null;
}

/*
 * Inputs of the shares domain; their schemas are in `server/schemas/shares.ts`.
 */

export interface CreateShareInput {
  /** 1 to 100 live files or folders (not the drive root). */
  readonly ids: readonly FileId[];
  readonly name: string;
  readonly expiryDays: ShareExpiryDays;
  /** Omitted: anyone with the link may open it. */
  readonly extractionCode?: string;
  /** Omitted: the service's default (package off, no limit). */
  readonly traffic?: ShareTraffic;
}

/** Omit `cursor` for the first page. */
export interface ListSharesInput {
  readonly cursor?: string;
}

/** Only the traffic settings of a share can change; name, expiry and code are fixed at creation. */
export interface SetShareTrafficInput {
  readonly ids: readonly number[];
  readonly traffic: ShareTraffic;
}
