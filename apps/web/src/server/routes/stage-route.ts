import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSafeBatchId, parseRelativePath } from '../staging/safe-path';
import type { StagingArea } from '../staging/staging-area';
import { UnsafeStagingPathError } from '../staging/staging-area';
import { replyJson, replyText } from './http-reply';

/**
 * `POST /api/stage`: one dropped file (the request body) or folder written into the staging
 * folder. Headers: `X-PanDesk-Batch` (the page's id for this drop), `X-PanDesk-Path` (the
 * entry's path relative to the drop, percent-encoded UTF-8, `/`-separated) and optionally
 * `X-PanDesk-Kind: folder`. Answers `{ path, topLevel }`; `topLevel` is what the page passes to
 * `transfers.upload`. Unsafe paths are refused with 400 before anything touches the disk.
 */

export const BATCH_HEADER = 'x-pandesk-batch';
export const PATH_HEADER = 'x-pandesk-path';
export const KIND_HEADER = 'x-pandesk-kind';

/** What the page receives for one staged entry. */
export interface StageAnswer {
  readonly path: string;
  readonly topLevel: string;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function decodePath(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function ioStatus(error: unknown): [number, string] {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof UnsafeStagingPathError) return [400, error.message];
  if (code === 'EEXIST') return [409, 'That file was already staged in this batch.'];
  if (code === 'ENOSPC' || code === 'EDQUOT') return [507, 'The disk of the PanDesk host is full.'];
  if (code === 'ENOTDIR') return [409, 'A file and a folder of the drop share a name.'];
  if (code === 'ENAMETOOLONG') return [400, "The path is too long for the PanDesk host's file system."];
  return [500, 'The file could not be written to the staging folder.'];
}

export function createStageRoute(staging: StagingArea) {
  return async function handleStage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const batchId = header(req, BATCH_HEADER) ?? '';
    if (!isSafeBatchId(batchId)) return replyText(res, 400, 'The batch id is missing or not valid.');
    const relative = decodePath(header(req, PATH_HEADER));
    if (relative === undefined) return replyText(res, 400, 'The path header is missing or not valid.');
    const parsed = parseRelativePath(relative);
    if (!parsed.ok) return replyText(res, 400, `The path ${parsed.reason}.`);
    const isFolder = header(req, KIND_HEADER) === 'folder';
    if (isFolder) req.resume();
    try {
      const entry = isFolder
        ? await staging.makeDir(batchId, parsed.segments)
        : await staging.writeFile(batchId, parsed.segments, req);
      const answer: StageAnswer = { path: entry.path, topLevel: entry.topLevel };
      replyJson(res, 200, answer);
    } catch (error) {
      if (res.destroyed) return;
      const [status, message] = ioStatus(error);
      replyText(res, status, message);
    }
  };
}
