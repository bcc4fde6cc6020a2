import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDirs } from '../testing/temp-dirs';
import { createDailyLog, logFileName } from './daily-log';
import { DEFAULT_LOG_RETENTION, pruneLogs } from './log-retention';
import { createRedactor } from './redact';

const temp = createTempDirs('pandesk-log-retention-');
afterEach(() => temp.cleanup());

const DAY = 24 * 60 * 60 * 1000;
const NOON = Date.UTC(2026, 5, 30, 12, 0, 0);

/** Writes a daily file `daysAgo` days before NOON's day, of `bytes` bytes. */
async function dailyFile(dir: string, daysAgo: number, bytes = 10): Promise<string> {
  const name = logFileName(NOON - daysAgo * DAY);
  await writeFile(join(dir, name), 'x'.repeat(bytes));
  return name;
}

const listed = async (dir: string): Promise<string[]> => (await readdir(dir)).sort();

describe('pruneLogs', () => {
  it('keeps the last 14 days (today included) and never touches other files', async () => {
    const dir = await temp.make();
    const names = await Promise.all(Array.from({ length: 21 }, (_, i) => dailyFile(dir, i)));
    const others = [
      'notes.txt',
      'pandesk-yesterday.log',
      'crash-2026-01-01.log',
      'pandesk-2026-01-01.log.bak',
    ];
    for (const other of others) await writeFile(join(dir, other), 'keep me');
    const deleted = await pruneLogs(fsp, dir, NOON);
    expect(deleted.sort()).toEqual(names.slice(14).sort());
    expect(await listed(dir)).toEqual([...names.slice(0, 14), ...others].sort());
  });

  it('deletes the oldest days once all files together pass the byte limit, but never today', async () => {
    const dir = await temp.make();
    const today = await dailyFile(dir, 0, 400);
    const yesterday = await dailyFile(dir, 1, 400);
    const older = await dailyFile(dir, 2, 400);
    const oldest = await dailyFile(dir, 5, 100);
    const limits = { ...DEFAULT_LOG_RETENTION, maxBytes: 1000 };
    expect((await pruneLogs(fsp, dir, NOON, limits)).sort()).toEqual([older, oldest].sort());
    expect(await listed(dir)).toEqual([yesterday, today].sort());
    // Today's file alone over the limit: the others go, today's stays.
    await writeFile(join(dir, today), 'x'.repeat(2000));
    expect(await pruneLogs(fsp, dir, NOON, limits)).toEqual([yesterday]);
    expect(await listed(dir)).toEqual([today]);
  });
});

describe('the daily log keeps its folder bounded', () => {
  it('prunes at start and when a new day begins, on the log clock', async () => {
    const dir = await temp.make();
    const stale = await dailyFile(dir, 30);
    let now = NOON;
    const log = createDailyLog({ dir, fs: fsp, clock: { now: () => now }, redactor: createRedactor() });
    log.info('first line');
    await log.flush();
    expect(await listed(dir)).toEqual([logFileName(NOON)]);
    // Thirteen days later the first file is still within the 14 days; the fourteenth day drops it.
    now = NOON + 13 * DAY;
    log.info('day 13');
    await log.flush();
    expect(await listed(dir)).toEqual([logFileName(NOON), logFileName(now)].sort());
    now = NOON + 14 * DAY;
    log.info('day 14');
    await log.flush();
    expect(await listed(dir)).toEqual([logFileName(NOON + 13 * DAY), logFileName(now)].sort());
    expect(await listed(dir)).not.toContain(stale);
  });

  it("caps one day's file, says so once, and starts afresh the next day", async () => {
    const dir = await temp.make();
    let now = NOON;
    const log = createDailyLog({
      dir,
      fs: fsp,
      clock: { now: () => now },
      redactor: createRedactor(),
      retention: { maxDayBytes: 400 },
    });
    for (let i = 0; i < 20; i++) log.info(`line ${i} ${'.'.repeat(30)}`);
    await log.flush();
    const text = await readFile(join(dir, logFileName(NOON)), 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(
      /WARN this day's log reached 400 bytes; later lines of the day are not kept$/,
    );
    expect(lines.filter((l) => l.includes('reached 400 bytes'))).toHaveLength(1);
    expect(Buffer.byteLength(lines.slice(0, -1).join('\n') + '\n')).toBeLessThanOrEqual(400);
    expect(text).toContain('line 0 ');
    expect(text).not.toContain('line 19 ');
    now = NOON + DAY;
    log.info('a new day');
    await log.flush();
    expect(await readFile(join(dir, logFileName(now)), 'utf8')).toContain('INFO a new day');
  });

  it('counts what an earlier run wrote today against the cap', async () => {
    const dir = await temp.make();
    await writeFile(join(dir, logFileName(NOON)), 'y'.repeat(390));
    const log = createDailyLog({
      dir,
      fs: fsp,
      clock: { now: () => NOON },
      redactor: createRedactor(),
      retention: { maxDayBytes: 400 },
    });
    log.info('this line does not fit');
    log.info('nor this one');
    await log.flush();
    const text = await readFile(join(dir, logFileName(NOON)), 'utf8');
    expect(text).not.toContain('does not fit');
    expect(text.match(/reached 400 bytes/g)).toHaveLength(1);
    expect((await stat(join(dir, logFileName(NOON)))).size).toBeLessThan(600);
  });
});
