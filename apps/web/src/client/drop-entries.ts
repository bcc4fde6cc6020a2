/**
 * Turns a drop or a file picker's selection into `{ path, file }` entries with paths relative
 * to the drop, walking dropped folders with `webkitGetAsEntry`. Entries of a drop must be
 * captured synchronously inside the drop event (the item list is emptied afterwards); the
 * captured entries can then be read asynchronously.
 */

/** One thing to stage: a file, or an empty folder when `file` is absent. */
export interface DropEntry {
  /** `/`-separated, relative to the drop (`photos/2025/a.jpg`). */
  readonly path: string;
  readonly file?: File;
}

/** Call during the drop event. Undefined when the browser offers no entries (e.g. a synthetic list). */
export function captureEntries(
  items: DataTransferItemList | null | undefined,
): FileSystemEntry[] | undefined {
  if (items === null || items === undefined || typeof DataTransferItem === 'undefined') return undefined;
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file' || typeof item.webkitGetAsEntry !== 'function') continue;
    const entry = item.webkitGetAsEntry();
    if (entry !== null) entries.push(entry);
  }
  return entries.length > 0 ? entries : undefined;
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** Every child of a folder: `readEntries` answers in chunks (100 in Chromium) until an empty one. */
async function childrenOf(entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const chunk = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, out: DropEntry[]): Promise<void> {
  const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) {
    out.push({ path, file: await fileOf(entry as FileSystemFileEntry) });
    return;
  }
  if (!entry.isDirectory) return;
  const children = await childrenOf(entry as FileSystemDirectoryEntry);
  if (children.length === 0) out.push({ path });
  for (const child of children) await walk(child, path, out);
}

/** Reads captured entries, folders recursively, in drop order. */
export async function readDropEntries(entries: readonly FileSystemEntry[]): Promise<DropEntry[]> {
  const out: DropEntry[] = [];
  for (const entry of entries) await walk(entry, '', out);
  return out;
}

/** Plain files (a synthetic drop, or `<input type=file>`, where folders give `webkitRelativePath`). */
export function entriesFromFiles(files: readonly File[]): DropEntry[] {
  return files.map((file) => ({ path: file.webkitRelativePath ? file.webkitRelativePath : file.name, file }));
}
