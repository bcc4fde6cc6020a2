/**
 * Where an uploaded file lands and what may stop it, shared by every upload flow (reference
 * §7.1, §7.2, §7.6, §7.7, §11): name rules, `containDir` paths, `duplicate` 0/1/2, the size
 * limits and the quota.
 *
 * Error codes are undocumented (§13.3); like the rest of the fake, every rule breach is code 1
 * with a Chinese message in the service's style:
 * - name clash with `duplicate` 0 → `MESSAGES.nameExists` (the same as rename/move);
 * - overwrite (`duplicate` 2) of a same-named folder → refused;
 * - over the quota → switch `quotaExceededMessage`; over 10 GB (1 GB single step) → `TOO_LARGE_MESSAGE`.
 */
import { ApiError, CODES, MESSAGES, badParam } from '../core/errors';
import { assertValidName } from '../core/names';
import { ROOT_ID, type DriveState } from '../core/drive-state';
import type { FakePanContext } from '../http/context';
import type { Params } from '../http/params';
import { markUploaded } from './download-verify';

/** "10 GB" and "1 GB" read as binary units (the larger reading, so no real upload is refused). */
export const MAX_UPLOAD_BYTES = 10 * 1024 ** 3;
export const MAX_SINGLE_UPLOAD_BYTES = 1024 ** 3;

export const TOO_LARGE_MESSAGE = '文件大小超过限制';
export const EMPTY_FILE_MESSAGE = '不支持上传空文件';
export const OVERWRITE_FOLDER_MESSAGE = '该目录下已经有同名文件夹,无法覆盖';

export type Duplicate = 0 | 1 | 2;

/** A place for a new file: the folder path still to create (containDir) and the leaf name. */
export interface TargetPlan {
  parentId: number;
  folders: string[];
  name: string;
}

export function parseDuplicate(value: number): Duplicate {
  if (value === 0 || value === 1 || value === 2) return value;
  throw badParam('duplicate');
}

/** Declared size checks: non-negative integer, within `limit`, zero bytes per switch. */
export function checkSize(ctx: FakePanContext, size: number, limit: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw badParam('size');
  if (size > limit) throw new ApiError(CODES.general, TOO_LARGE_MESSAGE);
  if (size === 0 && !ctx.switches.allowZeroByteUpload) throw new ApiError(CODES.general, EMPTY_FILE_MESSAGE);
}

export function checkEtag(etag: string): string {
  const md5 = etag.trim().toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(md5)) throw badParam('etag');
  return md5;
}

/** Splits a `containDir` path ("/a/b/c.mp4") or checks a plain name, validating every segment. */
export function planTarget(
  state: DriveState,
  parentId: number,
  filename: string,
  containDir: boolean,
): TargetPlan {
  state.requireLiveFolder(parentId);
  const segments = containDir ? filename.split('/').filter((s) => s.length > 0) : [filename];
  const name = segments.pop();
  assertValidName(name);
  for (const folder of segments) assertValidName(folder);
  return { parentId, folders: segments, name };
}

/** The folder the plan points at if it exists already (live folders only), else undefined. */
function existingFolder(state: DriveState, plan: TargetPlan): number | undefined {
  let current = plan.parentId;
  for (const segment of plan.folders) {
    const node = state.nameHolder(current, segment);
    if (!node || node.type !== 1 || node.trashed) return undefined;
    current = node.id;
  }
  return current;
}

/**
 * Checks name clash and quota without changing anything, so a refused create leaves no
 * half-made folders behind.
 */
export function checkPlacement(
  ctx: FakePanContext,
  plan: TargetPlan,
  size: number,
  duplicate: Duplicate,
): void {
  const folder = existingFolder(ctx.state, plan);
  const holder = folder === undefined ? undefined : ctx.state.nameHolder(folder, plan.name);
  if (holder && duplicate === 0) throw new ApiError(CODES.general, MESSAGES.nameExists);
  if (holder && duplicate === 2 && holder.type === 1)
    throw new ApiError(CODES.general, OVERWRITE_FOLDER_MESSAGE);
  const freed = holder && duplicate === 2 ? holder.size : 0;
  if (ctx.state.spaceUsed() - freed + size > ctx.faults.quotaBytes)
    throw new ApiError(CODES.general, ctx.switches.quotaExceededMessage);
}

/** Creates the `containDir` folders and returns the target folder id. */
/**
 * The target fields that create (§7.2) and single-step (§7.6) share, checked in the order the
 * service reports problems: etag, size limit, parent and name, then clash and quota.
 */
export function readUploadTarget(
  ctx: FakePanContext,
  params: Params,
  maxBytes: number,
): { md5: string; size: number; duplicate: Duplicate; plan: TargetPlan } {
  const parentId = params.id('parentFileID');
  const filename = params.string('filename');
  const md5 = checkEtag(params.string('etag'));
  const size = params.id('size');
  const duplicate = parseDuplicate(params.number('duplicate', 0));
  checkSize(ctx, size, maxBytes);
  const plan = planTarget(ctx.state, parentId, filename, params.bool('containDir', false));
  checkPlacement(ctx, plan, size, duplicate);
  return { md5, size, duplicate, plan };
}

export function ensureFolders(state: DriveState, plan: TargetPlan): number {
  return plan.folders.length === 0 ? plan.parentId : state.ensureFolderPath(plan.parentId, plan.folders);
}

/**
 * Puts a file node for content (md5, size) that is already in the content store into `folderId`,
 * applying `duplicate` and the quota. Returns the file id (which an overwrite may keep, per
 * `overwriteKeepsId`).
 */
export function placeFile(
  ctx: FakePanContext,
  folderId: number,
  name: string,
  content: { md5: string; size: number },
  duplicate: Duplicate,
): number {
  const { state } = ctx;
  checkPlacement(ctx, { parentId: folderId, folders: [], name }, content.size, duplicate);
  if (folderId !== ROOT_ID) state.requireLiveFolder(folderId);
  const holder = state.nameHolder(folderId, name);
  let finalName = name;
  if (holder && duplicate === 1) finalName = state.uniqueName(folderId, name);
  if (holder && duplicate === 2) {
    if (ctx.switches.overwriteKeepsId && !holder.trashed) {
      state.updateContent(holder.id, content.md5, content.size);
      markUploaded(ctx, holder.id);
      return holder.id;
    }
    state.removeSubtree(holder.id);
  }
  const node = state.createFile({
    parentId: folderId,
    name: finalName,
    md5: content.md5,
    size: content.size,
  });
  markUploaded(ctx, node.id);
  return node.id;
}
