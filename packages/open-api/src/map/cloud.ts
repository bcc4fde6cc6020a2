import type {
  CopyTaskState,
  OfflineProgress,
  OfflineState,
  ShareLink,
  SharePage,
  ShareTraffic,
  ShareTrafficPackage,
} from '../cloud-types';
import type { WireOfflineProcess, WireShareInfo, WireShareList } from '../wire/cloud';
import { serviceTimeOrZero } from './time';

export const SHARE_PAGE_BASE = 'https://www.123pan.com/s/';

const PACKAGES: readonly ShareTrafficPackage[] = ['off', 'guests_without_login', 'over_quota_users', 'all'];

export function trafficPackageToWire(p: ShareTrafficPackage): 1 | 2 | 3 | 4 {
  return (PACKAGES.indexOf(p) + 1) as 1 | 2 | 3 | 4;
}

/** The wire traffic fields of a partial setting (absent parts stay absent). */
export function trafficToWire(t: Partial<ShareTraffic>): Record<string, number> {
  const out: Record<string, number> = {};
  if (t.package !== undefined) out['trafficSwitch'] = trafficPackageToWire(t.package);
  if (t.limitBytes !== undefined) {
    out['trafficLimitSwitch'] = t.limitBytes === null ? 1 : 2;
    if (t.limitBytes !== null) out['trafficLimit'] = t.limitBytes;
  }
  return out;
}

function mapTraffic(w: WireShareInfo): ShareTraffic | undefined {
  const pkg = w.trafficSwitch === undefined ? undefined : PACKAGES[w.trafficSwitch - 1];
  if (pkg === undefined) return undefined;
  return { package: pkg, limitBytes: w.trafficLimitSwitch === 2 ? (w.trafficLimit ?? 0) : null };
}

export function mapShareInfo(w: WireShareInfo): ShareLink {
  return {
    id: w.shareId,
    key: w.shareKey,
    url: `${SHARE_PAGE_BASE}${w.shareKey}`,
    name: w.shareName,
    expiresAt: serviceTimeOrZero(w.expiration),
    expired: w.expired === 1,
    password: w.sharePwd ?? '',
    traffic: mapTraffic(w),
    previews: w.previewCount,
    downloads: w.downloadCount,
    saves: w.saveCount,
    bytesCharged: w.bytesCharge,
  };
}

export function mapSharePage(w: WireShareList): SharePage {
  return {
    items: w.shareList.map(mapShareInfo),
    nextCursor: w.lastShareId,
    done: w.lastShareId === -1,
  };
}

/**
 * Reads an offline `status` safely under both numberings the sources give (§9):
 * 1 is failed in both; 3 is "retrying" in the one that has it; 0 or 2 mean done only once
 * `process` reached 100 (one source's "success", the other's "running" never shows 100).
 */
export function mapOfflineProgress(taskId: number, w: WireOfflineProcess): OfflineProgress {
  let state: OfflineState;
  if (w.status === 1) state = 'failed';
  else if (w.status === 3) state = 'retrying';
  else if (w.process >= 100 && (w.status === 0 || w.status === 2)) state = 'done';
  else state = 'running';
  return { taskId, percent: w.process, state, rawStatus: w.status };
}

const COPY_STATES: Record<number, CopyTaskState> = { 0: 'pending', 1: 'running', 2: 'done', 3: 'failed' };

/** 0 pending, 1 running, 2 done, 3 failed [C]; an unknown number is treated as still running. */
export function mapCopyStatus(status: number): CopyTaskState {
  return COPY_STATES[status] ?? 'running';
}
