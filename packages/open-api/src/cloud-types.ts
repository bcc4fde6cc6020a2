/**
 * The app's view of shares, offline downloads and copy tasks (reference §5.5, §6, §9),
 * independent of the wire format. Times are epoch milliseconds.
 */

/** Share traffic package (§6.1 `trafficSwitch` 1..4). */
export type ShareTrafficPackage = 'off' | 'guests_without_login' | 'over_quota_users' | 'all';

export interface ShareTraffic {
  package: ShareTrafficPackage;
  /** Bytes the share may serve, or null for no limit (`trafficLimitSwitch` 1). */
  limitBytes: number | null;
}

/** Days a share lives: 0 = never expires. */
export type ShareExpiryDays = 0 | 1 | 7 | 30;

export interface ShareInput {
  /** Under 35 characters, no special characters. */
  name: string;
  /** 1 to 100 files or folders. */
  fileIds: readonly number[];
  expiryDays: ShareExpiryDays;
  /** Extraction code (提取码); none when omitted. */
  password?: string;
  traffic?: Partial<ShareTraffic>;
  signal?: AbortSignal;
}

export interface CreatedShare {
  id: number;
  key: string;
  /** The public page, `https://www.123pan.com/s/{key}`. */
  url: string;
}

export interface ShareLink extends CreatedShare {
  name: string;
  /** Epoch ms as the service states it (a share that never expires shows a far-future time). */
  expiresAt: number;
  expired: boolean;
  /** '' when the share has no extraction code. */
  password: string;
  /** Undefined when the service left the traffic fields out. */
  traffic: ShareTraffic | undefined;
  previews: number;
  downloads: number;
  saves: number;
  bytesCharged: number;
}

export interface SharePage {
  items: ShareLink[];
  /** Cursor to resume after this page; -1 on the last page. */
  nextCursor: number;
  done: boolean;
}

/**
 * What an offline task is doing. The sources number `status` differently (§9): everyone agrees
 * that 1 is "failed"; "done" is only trusted together with `process` 100, as the reference says.
 */
export type OfflineState = 'running' | 'retrying' | 'done' | 'failed';

export interface OfflineProgress {
  taskId: number;
  /** 0..100 as the service reports it. */
  percent: number;
  state: OfflineState;
  /** The service's own number, for diagnostics. */
  rawStatus: number;
}

export type CopyTaskState = 'pending' | 'running' | 'done' | 'failed';
