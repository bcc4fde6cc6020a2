import { describe, expect, it } from 'vitest';
import { readDropEntries } from './drop-entries';

/** Minimal stand-ins for the browser's FileSystemEntry objects. */
function fileEntry(name: string, text: string): FileSystemEntry {
  return {
    name,
    isFile: true,
    isDirectory: false,
    file: (ok: (f: File) => void) => ok(new File([text], name)),
  } as unknown as FileSystemEntry;
}

/** A folder whose reader answers in chunks of `chunk` entries, then an empty chunk (as Chromium does, 100 at a time). */
function dirEntry(name: string, children: FileSystemEntry[], chunk = 2): FileSystemEntry {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader() {
      let offset = 0;
      return {
        readEntries(ok: (entries: FileSystemEntry[]) => void) {
          const part = children.slice(offset, offset + chunk);
          offset += part.length;
          queueMicrotask(() => ok(part));
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('readDropEntries', () => {
  it('walks folders (all chunks), keeps relative paths and drop order, and reports empty folders', async () => {
    const entries = [
      fileEntry('top.txt', 'a'),
      dirEntry('album', [
        fileEntry('1.jpg', 'x'),
        fileEntry('2.jpg', 'y'),
        dirEntry('raw', [fileEntry('3.cr2', 'z')]),
        fileEntry('4.jpg', 'w'),
        dirEntry('empty', []),
      ]),
    ];
    const out = await readDropEntries(entries);
    expect(out.map((e) => [e.path, e.file === undefined ? null : e.file.size])).toEqual([
      ['top.txt', 1],
      ['album/1.jpg', 1],
      ['album/2.jpg', 1],
      ['album/raw/3.cr2', 1],
      ['album/4.jpg', 1],
      ['album/empty', null],
    ]);
  });

  it('an empty dropped folder is staged as a folder', async () => {
    expect(await readDropEntries([dirEntry('nothing', [])])).toEqual([{ path: 'nothing' }]);
  });
});
