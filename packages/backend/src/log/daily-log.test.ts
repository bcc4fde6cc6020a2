import { readFile, readdir } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDirs } from '../testing/temp-dirs';
import { createDailyLog, logFileName } from './daily-log';
import { createRedactor } from './redact';

const temp = createTempDirs('pandesk-log-');
afterEach(() => temp.cleanup());

describe('createDailyLog', () => {
  it('writes one file per UTC day, redacted', async () => {
    const dir = await temp.make();
    let now = Date.UTC(2026, 0, 2, 23, 59, 0);
    const redactor = createRedactor();
    redactor.addSecret('very-secret-token');
    const log = createDailyLog({ dir, fs: fsp, clock: { now: () => now }, redactor });
    log.info('token very-secret-token used');
    now += 120_000;
    log.error('failed', new Error('GET https://cdn.test/x?sig=abc'));
    await log.flush();
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['pandesk-2026-01-02.log', 'pandesk-2026-01-03.log']);
    const first = await readFile(join(dir, files[0]!), 'utf8');
    expect(first).toContain('INFO token [redacted] used');
    const second = await readFile(join(dir, files[1]!), 'utf8');
    expect(second).toContain('ERROR failed Error: GET https://cdn.test/x?[redacted]');
    expect(second).not.toContain('sig=abc');
  });

  it('never throws when the disk refuses', async () => {
    const log = createDailyLog({
      dir: '/nonexistent',
      fs: {
        mkdir: async () => Promise.reject(new Error('EACCES')),
        appendFile: async () => Promise.reject(new Error('EACCES')),
        readdir: async () => Promise.reject(new Error('EACCES')),
        stat: async () => Promise.reject(new Error('EACCES')),
        unlink: async () => Promise.reject(new Error('EACCES')),
      },
      clock: { now: () => 0 },
      redactor: createRedactor(),
    });
    log.warn('x');
    await expect(log.flush()).resolves.toBeUndefined();
  });

  it('names files by date', () => {
    expect(logFileName(Date.UTC(2030, 11, 31))).toBe('pandesk-2030-12-31.log');
  });
});
