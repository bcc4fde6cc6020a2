/**
 * The deterministic demo drive (`--seed demo`): fixed folder names, a few hundred small files
 * whose bytes are real content of their type (demo-content.ts: prose, Markdown, JSON invoices,
 * TypeScript, JPEG and PNG pictures; audio and video stay seeded pseudo-random bytes), two
 * large files streamed into the content store (24 MB and 40 MB), one trashed file, and
 * `Big folder (20000 files)` whose 20,000 entries share 16 small blobs, each real content of
 * the one extension it is listed under. Runs only on an empty drive; takes a few seconds.
 */
import type { FileNode } from '../core/drive-state';
import { ROOT_ID } from '../core/drive-state';
import type { FakePanContext } from '../http/context';
import {
  demoContentFor,
  demoInvoiceJson,
  demoJpeg,
  demoMarkdown,
  demoMediaBytes,
  demoPng,
  demoText,
  demoTypeScript,
} from './demo-content';
import { prngStream } from './prng';

export const BIG_FOLDER_NAME = 'Big folder (20000 files)';
export const BIG_FOLDER_COUNT = 20_000;
const MB = 1024 * 1024;
/** 2025-03-01 10:00:00 +08:00: demo files get fixed times from here on (one per 37 s). */
const BASE_TIME = Date.UTC(2025, 2, 1, 2, 0, 0);

interface SmallSet {
  folder: string;
  count: number;
  name: (i: number) => string;
  /** Bytes of file `i` from its seed, a few KB of content of its type. */
  content: (i: number, seed: number) => Buffer;
}

const pad = (n: number, width = 3): string => String(n).padStart(width, '0');

const SMALL_SETS: SmallSet[] = [
  {
    folder: 'Documents',
    count: 40,
    name: (i) => `note-${pad(i)}.txt`,
    content: (i, seed) => demoText(seed, 1024 + ((i * 397) % 3072)),
  },
  {
    folder: 'Documents',
    count: 20,
    name: (i) => `report-${pad(i)}.md`,
    content: (i, seed) => demoMarkdown(seed, `Report ${pad(i)}`, 2048 + ((i * 211) % 2048)),
  },
  {
    folder: 'Documents/Invoices',
    count: 24,
    name: (i) => `invoice-2024-${pad(i)}.json`,
    content: (i, seed) => demoInvoiceJson(seed, `INV-2024-${pad(i)}`, 2 + (i % 5)),
  },
  {
    folder: 'Photos/2024',
    count: 80,
    name: (i) => `IMG_${pad(i + 1000, 4)}.jpg`,
    content: (_, seed) => demoJpeg(seed),
  },
  {
    folder: 'Photos/2023',
    count: 40,
    name: (i) => `DSC_${pad(i + 200, 4)}.png`,
    content: (_, seed) => demoPng(seed),
  },
  {
    folder: 'Music',
    count: 50,
    name: (i) => `track-${pad(i + 1, 2)}.mp3`,
    content: (i, seed) => demoMediaBytes(seed, 4096 + ((i * 617) % 4096)),
  },
  {
    folder: 'Videos',
    count: 6,
    name: (i) => `clip-${pad(i + 1, 2)}.mp4`,
    content: (i, seed) => demoMediaBytes(seed, 6000 + i * 500),
  },
  {
    folder: 'Projects/pandesk/src',
    count: 30,
    name: (i) => `module-${pad(i)}.ts`,
    content: (i, seed) => demoTypeScript(seed, `module-${pad(i)}`),
  },
  {
    folder: 'Projects/pandesk/docs',
    count: 10,
    name: (i) => `chapter-${pad(i + 1, 2)}.md`,
    content: (i, seed) => demoMarkdown(seed, `Chapter ${i + 1}`, 1500 + i * 100),
  },
];

const LARGE_FILES = [
  { path: 'Videos', name: 'holiday-2024.mp4', size: 40 * MB, seed: 4040 },
  { path: 'Backups', name: 'archive-2024.zip', size: 24 * MB, seed: 2424 },
];

const BIG_EXTS = ['.txt', '.jpg', '.json', '.mp3', '.md', '.png', '.log', '.csv'];
/**
 * Blobs shared by the big folder. File i is listed with blob i % BIG_BLOBS and extension
 * BIG_EXTS[i % BIG_EXTS.length]; since BIG_BLOBS is a multiple of BIG_EXTS.length, every file of
 * blob j has the extension BIG_EXTS[j % BIG_EXTS.length], so blob j is made as that type.
 */
const BIG_BLOBS = 16;

function fixTime(node: FileNode, index: number, now: number): void {
  node.createAt = Math.min(now, BASE_TIME + index * 37_000);
  node.updateAt = node.createAt;
}

/** Builds the demo drive unless the drive already has content. */
export async function seedDemo(ctx: FakePanContext): Promise<void> {
  const { state, content } = ctx;
  if (state.tree.size > 0) return;
  const now = ctx.clock.now();
  let stamp = 0;
  const folder = (path: string): number => state.ensureFolderPath(ROOT_ID, path.split('/'));
  const addFile = async (parentId: number, name: string, bytes: Buffer): Promise<FileNode> => {
    const blob = await content.putBuffer(bytes);
    const node = state.createFile({ parentId, name, md5: blob.md5, size: blob.size });
    fixTime(node, stamp++, now);
    return node;
  };

  for (const [setIndex, set] of SMALL_SETS.entries()) {
    const parentId = folder(set.folder);
    for (let i = 0; i < set.count; i++)
      await addFile(parentId, set.name(i), set.content(i, setIndex * 10_000 + i + 1));
  }
  const draft = await addFile(folder('Documents'), 'old-draft.txt', demoText(99, 1234));
  draft.trashed = true;

  for (const large of LARGE_FILES) {
    const blob = await content.putStream(prngStream(large.seed, large.size));
    fixTime(
      state.createFile({ parentId: folder(large.path), name: large.name, md5: blob.md5, size: blob.size }),
      stamp++,
      now,
    );
  }

  const bigId = folder(BIG_FOLDER_NAME);
  const bigExt = (i: number): string => BIG_EXTS[i % BIG_EXTS.length] ?? '.txt';
  const blobs = await Promise.all(
    Array.from({ length: BIG_BLOBS }, (_, j) => content.putBuffer(demoContentFor(bigExt(j), 50_000 + j))),
  );
  for (let i = 0; i < BIG_FOLDER_COUNT; i++) {
    const blob = blobs[i % BIG_BLOBS] as (typeof blobs)[number];
    const name = `file-${pad(i + 1, 5)}${bigExt(i)}`;
    fixTime(state.createFile({ parentId: bigId, name, md5: blob.md5, size: blob.size }), stamp++, now);
  }
  for (const node of state.tree.values()) if (node.type === 1) fixTime(node, 0, now);
  state.changed();
  state.flush();
}
