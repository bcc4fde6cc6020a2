import { describe, expect, it } from 'vitest';
import { previewKindOf } from './preview-kinds';

const kind = (name: string, kindOf: 'file' | 'folder' = 'file') =>
  previewKindOf({ name, kind: kindOf, category: 'other' });

describe('preview kinds', () => {
  it('previews only the types Chromium shows itself', () => {
    expect(['a.png', 'b.JPG', 'c.svg', 'd.avif'].map((n) => kind(n))).toEqual([
      'image',
      'image',
      'image',
      'image',
    ]);
    expect([kind('e.heic'), kind('f.tiff'), kind('g.mkv'), kind('h.avi'), kind('i.wma')]).toEqual([
      'none',
      'none',
      'none',
      'none',
      'none',
    ]);
    expect([kind('j.mp4'), kind('k.webm'), kind('l.flac'), kind('m.pdf')]).toEqual([
      'video',
      'video',
      'audio',
      'pdf',
    ]);
  });

  it('reads text, code and Markdown as text, and nothing else', () => {
    expect([
      kind('readme.md'),
      kind('main.rs'),
      kind('page.html'),
      kind('notes.txt'),
      kind('table.csv'),
    ]).toEqual(['markdown', 'code', 'code', 'text', 'text']);
    expect([kind('archive.zip'), kind('setup.exe'), kind('report.docx'), kind('Photos', 'folder')]).toEqual([
      'none',
      'none',
      'none',
      'none',
    ]);
  });
});
