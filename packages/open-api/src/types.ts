/**
 * The app's own view of the drive, independent of the wire format. Ids are numbers (all seen
 * values are below 2^53; never do arithmetic on them), times are epoch milliseconds.
 */
export type EntryKind = 'file' | 'folder';

export interface PanEntry {
  id: number;
  name: string;
  parentId: number;
  kind: EntryKind;
  /** Bytes; 0 for folders in listings (detail reports a folder's total). */
  size: number;
  /** Lowercase hex MD5 of the content; '' for folders. */
  md5: string;
  trashed: boolean;
  /** Epoch ms (service times are China time, UTC+8, with no zone marker). */
  createdAt: number;
  /** Epoch ms; equals `createdAt` when the service gives no update time. */
  updatedAt: number;
  /** 0 unknown, 1 audio, 2 video, 3 image, others exist. */
  category: number;
  /** Review status; > 100 means rejected by moderation (still listed, downloads likely fail). */
  status: number;
}

/** One page of a v2 listing, with trashed items kept apart from live ones. */
export interface ListPage {
  /** Live (not trashed) items, in the service's order. May be empty while more pages remain. */
  items: PanEntry[];
  /** Items the service returned with `trashed: 1` (it always includes them, §4.1). */
  trashed: PanEntry[];
  /** Opaque cursor to resume after this page; `-1` when this was the last page. */
  nextCursor: number;
  done: boolean;
}

/** One page of the recycle bin (v1 list, page-numbered). */
export interface TrashPage {
  items: PanEntry[];
  /** 1-based page number of this page. */
  page: number;
  /** Total count reported by the service. */
  total: number;
  done: boolean;
}

export interface VipGrant {
  level: number;
  label: string;
  /** Epoch ms, or undefined when the service gave no parsable time. */
  endsAt: number | undefined;
}

export interface PanUser {
  uid: number;
  nickname: string;
  /** Bytes in use. */
  spaceUsed: number;
  /** Total quota in bytes: permanent + temporary space. */
  spaceTotal: number;
  /** True when `vipInfo` is non-empty: the VIP rate table applies. */
  vip: boolean;
  vipLevel: number;
  vipGrants: VipGrant[];
  /**
   * The developer benefit (`developerInfo`, §3), or null when the service gave none. `endsAt` is
   * epoch ms, undefined when the service gave no parsable end time.
   */
  developer: { endsAt: number | undefined } | null;
}

/** Same-name policy for uploads (§7.1): 'error' = 0, 'keep_both' = 1, 'overwrite' = 2. */
export type DuplicatePolicy = 'error' | 'keep_both' | 'overwrite';

export interface DownloadTicket {
  /** Signed CDN URL. Treat as a secret: log it only through `redactUrl`. */
  url: string;
  /** Epoch ms when the URL stops working (from its `t` parameter), if known. */
  expiresAt: number | undefined;
}
