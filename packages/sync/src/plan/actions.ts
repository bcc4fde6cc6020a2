/**
 * The steps of a plan. Paths are relative. Every step says what it does on the sides and what
 * it does to the base (the last synced state) once done, so a run can stop anywhere (a crash,
 * lost sign-in) and be resumed step by step, or planned afresh.
 *
 * Steps run in phases: `clear` (new local items in the way of a move, renamed), `structure`
 * in plan order (records, moves and renames, parents first), then `conflict` renames, `trash`,
 * `mkdir` (parents first), and `transfer` (all at once, through the transfer engine).
 */
import { EMPTY_SYNC_COUNTS } from '@pandesk/contract';
import type { SyncCounts } from '@pandesk/contract';
import type { BaseEntry } from '../model';
import { depthOf, parentOf } from '../paths';

export interface Fingerprint {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export type PlanAction =
  /** Base only: sets the entry at `path` (after moving the rows under `rekeyFrom` there). */
  | {
      readonly kind: 'record';
      readonly path: string;
      readonly entry: BaseEntry | null;
      readonly rekeyFrom?: string;
    }
  /** Base only: removes the entries at and under `path`. */
  | { readonly kind: 'forget'; readonly path: string }
  /** Renames / moves a local item; base rows under `baseFrom` move to `to`. */
  | { readonly kind: 'move_local'; readonly path: string; readonly to: string; readonly baseFrom: string }
  /** Renames / moves a cloud item (by id); base rows under `baseFrom` move to `to`. */
  | {
      readonly kind: 'move_remote';
      readonly path: string;
      readonly to: string;
      readonly fileId: number;
      readonly baseFrom: string;
    }
  /**
   * Keeps the local version of a conflict under `to` (a local rename; the base is untouched).
   * `early`: a new item in the way of a move, renamed before the moves (paths as found).
   */
  | { readonly kind: 'conflict'; readonly path: string; readonly to: string; readonly early: boolean }
  | {
      readonly kind: 'trash_remote';
      readonly path: string;
      readonly fileId: number;
      /** Base rows at and under this path are forgotten. */
      readonly basePath: string | null;
    }
  | {
      readonly kind: 'trash_local';
      readonly path: string;
      /** Files: trashed only while they still look like this (else left for the next run). */
      readonly expect: Fingerprint | null;
      readonly basePath: string | null;
    }
  /** Creates a cloud folder for an existing local one. */
  | { readonly kind: 'mkdir_remote'; readonly path: string; readonly local: Fingerprint }
  /** Creates a local folder for an existing cloud one. */
  | { readonly kind: 'mkdir_local'; readonly path: string; readonly remoteId: number }
  | {
      readonly kind: 'upload';
      readonly path: string;
      readonly size: number;
      readonly md5: string | null;
      readonly local: Fingerprint;
      /** The cloud version this one replaces: sent to the recycle bin first. */
      readonly replaceId: number | null;
    }
  | {
      readonly kind: 'download';
      readonly path: string;
      readonly fileId: number;
      readonly size: number;
      readonly etag: string;
      /** The local version this one replaces (to the trash), as it looked when planned. */
      readonly replace: Fingerprint | null;
    };

export type PlanActionKind = PlanAction['kind'];

export type Phase = 'clear' | 'structure' | 'conflict' | 'trash' | 'mkdir' | 'transfer';

export function phaseOf(action: PlanAction): Phase {
  switch (action.kind) {
    case 'record':
    case 'forget':
    case 'move_local':
    case 'move_remote':
      return 'structure';
    case 'conflict':
      return action.early ? 'clear' : 'conflict';
    case 'trash_local':
    case 'trash_remote':
      return 'trash';
    case 'mkdir_local':
    case 'mkdir_remote':
      return 'mkdir';
    default:
      return 'transfer';
  }
}

export const PHASES: readonly Phase[] = ['clear', 'structure', 'conflict', 'trash', 'mkdir', 'transfer'];

/** Steps the user sees; records and forgets only touch the sync's own state. */
export function isVisible(action: PlanAction): boolean {
  return action.kind !== 'record' && action.kind !== 'forget';
}

/** Steps that move something to the trash or recycle bin, or keep a conflict copy. */
export function isDestructive(action: PlanAction): boolean {
  switch (action.kind) {
    case 'trash_local':
    case 'trash_remote':
    case 'conflict':
      return true;
    case 'upload':
      return action.replaceId !== null;
    case 'download':
      return action.replace !== null;
    default:
      return false;
  }
}

export function countActions(actions: Iterable<PlanAction>): SyncCounts {
  const c = { ...EMPTY_SYNC_COUNTS };
  for (const a of actions) {
    switch (a.kind) {
      case 'upload':
        c.uploads++;
        c.bytesUp += a.size;
        if (a.replaceId !== null) c.replaced++;
        break;
      case 'download':
        c.downloads++;
        c.bytesDown += a.size;
        if (a.replace !== null) c.replaced++;
        break;
      case 'mkdir_local':
      case 'mkdir_remote':
        c.folders++;
        break;
      case 'move_local':
      case 'move_remote':
        if (parentOf(a.path) === parentOf(a.to)) c.renames++;
        else c.moves++;
        break;
      case 'trash_local':
        c.trashLocal++;
        break;
      case 'trash_remote':
        c.trashRemote++;
        break;
      case 'conflict':
        c.conflicts++;
        break;
      default:
        break;
    }
  }
  return c;
}

/** Steps in the order of their phases; folders to create parents first. */
export function orderByPhase(actions: PlanAction[]): PlanAction[] {
  const ordered: PlanAction[] = [];
  for (const phase of PHASES) {
    const inPhase = actions.filter((a) => phaseOf(a) === phase);
    if (phase === 'mkdir') inPhase.sort((a, b) => depthOf(a.path) - depthOf(b.path));
    ordered.push(...inPhase);
  }
  return ordered;
}
