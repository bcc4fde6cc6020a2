/**
 * The many-small-files case: a tree of small files in folders, and the least time the
 * service's rate limits allow to upload it and to download it back (the floor).
 *
 * Floors, from the free column of the rate table the client paces by (open-api's rate-table.ts,
 * after the API reference §10), every figure multiplied by the run's scale on both sides:
 * - upload: every file needs one create or one single-step call; the two endpoints are paced
 *   apart, so at best the files split between them in proportion to their rates. The files that
 *   go through create also need upload_complete (the emulator answers "not yet" `completePolls`
 *   times first), and every folder one mkdir. The floor is the largest of these times.
 * - download: one download_info per file, one listing per folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RATE_TABLE } from '@pandesk/open-api';
import type { LimitKey } from '@pandesk/open-api';

export interface SmallTree {
  root: string;
  files: number;
  folders: number;
  bytes: number;
}

/** A deterministic sequence in [0, 1), so every run makes the same sizes. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `files` files of 1–64 KiB (random bytes), spread evenly over `folders` folders under `root`. */
export function writeSmallTree(root: string, files: number, folders: number): SmallTree {
  const random = prng(15);
  let bytes = 0;
  for (let f = 0; f < folders; f++)
    mkdirSync(join(root, `folder-${String(f).padStart(2, '0')}`), { recursive: true });
  for (let i = 0; i < files; i++) {
    const size = 1024 + Math.floor(random() * 63 * 1024);
    const folder = `folder-${String(i % folders).padStart(2, '0')}`;
    writeFileSync(join(root, folder, `file-${String(i).padStart(4, '0')}.bin`), randomBytes(size));
    bytes += size;
  }
  return { root, files, folders, bytes };
}

const rate = (key: LimitKey, scale: number): number => (RATE_TABLE[key].free ?? Infinity) * scale;

/** Least time to upload the tree, ms (see the header). */
export function uploadFloorMs(tree: SmallTree, scale: number, completePolls: number): number {
  const create = rate('upload_create', scale);
  const single = rate('upload_single', scale);
  const files = tree.files / (create + single);
  const throughCreate = (tree.files * create) / (create + single);
  const complete = (throughCreate * (1 + completePolls)) / rate('upload_complete', scale);
  const mkdir = (tree.folders + 1) / rate('mkdir', scale);
  return Math.max(files, complete, mkdir) * 1000;
}

/** Least time to download the tree, ms (see the header). */
export function downloadFloorMs(tree: SmallTree, scale: number): number {
  const info = tree.files / rate('download_info', scale);
  const lists = (tree.folders + 1) / rate('list_v2', scale);
  return Math.max(info, lists) * 1000;
}
