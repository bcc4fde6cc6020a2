import { describe, expect, it } from 'vitest';
import { fileTypeOf } from './file-types';

const file = (name: string, category: 'audio' | 'video' | 'image' | 'other' = 'other') => ({
  kind: 'file' as const,
  name,
  category,
});

describe('fileTypeOf', () => {
  it('names each type from the extension, whatever its case', () => {
    const cases: [string, string][] = [
      ['Photo.JPG', 'image'],
      ['logo.svg', 'image'],
      ['clip.mp4', 'video'],
      ['song.flac', 'audio'],
      ['backup.tar.gz', 'archive'],
      ['letter.docx', 'document'],
      ['budget.xlsx', 'spreadsheet'],
      ['talk.pptx', 'slides'],
      ['paper.pdf', 'pdf'],
      ['main.ts', 'code'],
      ['notes.md', 'text'],
      ['setup.exe', 'executable'],
      ['data.bin', 'other'],
      ['README', 'other'],
    ];
    for (const [name, type] of cases) expect(fileTypeOf(file(name)), name).toBe(type);
  });

  it('falls back to the service category for unknown extensions, and folders are folders', () => {
    expect(fileTypeOf(file('movie.rmvb', 'video'))).toBe('video');
    expect(fileTypeOf(file('track', 'audio'))).toBe('audio');
    expect(fileTypeOf({ kind: 'folder', name: 'x.zip', category: 'other' })).toBe('folder');
  });
});
