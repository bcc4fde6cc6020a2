import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { findServedChannel } from './api-inputs';
import { formatIssues, parseInput } from './validation';

/** Parses against a channel's schema and returns the invalid_input message, or 'ok'. */
function check(channel: string, input: unknown): string {
  const spec = findServedChannel(channel);
  if (spec === undefined) throw new Error(`no channel ${channel}`);
  const result = parseInput(spec.input.schema, input, channel);
  return result.ok ? 'ok' : result.error.message;
}

describe('files inputs', () => {
  it('checks names with the shared validator', () => {
    expect(check('files:mkdir', { parentId: 0, name: 'a/b' })).toBe(
      'files:mkdir: name: A name cannot contain any of these characters: " \\ / : * ? | > < (found /).',
    );
    expect(check('files:rename', { id: 5, name: '  ' })).toBe(
      'files:rename: name: A name cannot be made only of spaces.',
    );
  });

  it('refuses to touch the drive root or to move a folder into itself', () => {
    expect(check('files:rename', { id: 0, name: 'x' })).toBe(
      'files:rename: id: the drive root cannot be renamed',
    );
    expect(check('files:trash', { ids: [3, 0] })).toBe(
      'files:trash: ids: must not include the drive root (id 0)',
    );
    expect(check('files:move', { ids: [7, 8], targetFolderId: 8 })).toBe(
      'files:move: targetFolderId: a folder cannot be moved into itself',
    );
  });

  it('wants whole, non-negative ids and at least one of them', () => {
    expect(check('files:detail', { id: 1.5 })).toMatch(/^files:detail: id: /);
    expect(check('files:detail', { id: -1 })).toBe('files:detail: id: must not be negative');
    expect(check('files:detail', { id: '12' })).toMatch(/^files:detail: id: /);
    expect(check('files:trash', { ids: [] })).toBe('files:trash: ids: must name at least one item');
    expect(check('files:move', { ids: ['a'], targetFolderId: 1 })).toMatch(/^files:move: ids\[0\]: /);
  });

  it('rejects unknown keys and blank searches', () => {
    expect(check('files:list', { folderId: 1, sort: 'name' })).toMatch(/^files:list: input: .*sort/);
    expect(check('files:search', { query: '   ' })).toBe(
      'files:search: query: must contain something to search for',
    );
    expect(check('files:listMore', { folderId: 1, cursor: '' })).toBe(
      'files:listMore: cursor: must not be empty',
    );
  });
});

describe('transfers inputs', () => {
  it('checks upload and download commands', () => {
    expect(check('transfers:upload', { localPaths: [], remoteParentId: 0, conflict: 'keep_both' })).toBe(
      'transfers:upload: localPaths: must name at least one file or folder',
    );
    expect(check('transfers:upload', { localPaths: ['/a\0b'], remoteParentId: 0, conflict: 'replace' })).toBe(
      'transfers:upload: localPaths[0]: must not contain a NUL character; conflict: must be one of keep_both, overwrite, skip',
    );
    expect(
      check('transfers:download', {
        sources: [{ fileId: 1, name: 'a', type: 'file', etag: 'xyz' }],
        localDir: '/d',
        conflict: 'skip',
      }),
    ).toBe('transfers:download: sources[0].etag: must be an MD5 in hex, or empty');
  });

  it('bounds transfer pages and selections', () => {
    expect(check('transfers:page', { offset: 0, limit: 5000 })).toBe(
      'transfers:page: limit: must be at most 1000',
    );
    expect(check('transfers:page', { offset: 0, limit: 10, states: ['done'] })).toMatch(
      /^transfers:page: states\[0\]: must be one of queued/,
    );
    expect(check('transfers:pause', {})).toBe('ok');
    expect(check('transfers:pause', { ids: [] })).toBe(
      'transfers:pause: ids: must name at least one transfer (omit ids to mean all)',
    );
    expect(check('transfers:moveToTop', {})).toMatch(/^transfers:moveToTop: ids: /);
  });
});

describe('app and places inputs', () => {
  it('checks paths and modes', () => {
    expect(check('app:startDrag', { paths: [] })).toBe('app:startDrag: paths: must name at least one file');
    expect(check('app:choosePaths', { mode: 'save_file' })).toBe(
      'app:choosePaths: mode: must be one of open_files, open_folders, choose_folder',
    );
    expect(check('places:add', { path: '' })).toBe('places:add: path: must not be empty');
  });
});

describe('formatIssues', () => {
  it('lists at most five problems and counts the rest', () => {
    const issues = Array.from({ length: 7 }, (_, i) => ({
      code: 'custom',
      path: [`f${i}`],
      message: 'bad',
      input: undefined,
    })) as z.core.$ZodIssue[];
    expect(formatIssues(issues)).toBe('f0: bad; f1: bad; f2: bad; f3: bad; f4: bad; and 2 more problem(s)');
  });
});
