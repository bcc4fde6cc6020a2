import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearStaleJournalOwners } from './journal-owners';
import { nativeLanguage, nativeText } from './native-text';
import { sandboxNotice } from './sandbox-notice';
import { STARTUP_LOG, redactStartupText, reportStartupFailure } from './startup-failure';
import type { StartupFailureDeps } from './startup-failure';
import { CHECK_INTERVAL_MS, startUpdateChecks } from './updates';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pandesk-platform-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('start-up failure', () => {
  function deps(over: Partial<StartupFailureDeps> = {}) {
    const seen = { files: new Map<string, string>(), boxes: [] as string[][], exits: [] as number[] };
    const d: StartupFailureDeps = {
      logsDir: () => '/logs',
      writeFile: (file, text) => seen.files.set(file, text),
      showErrorBox: (title, content) => seen.boxes.push([title, content]),
      exit: (code) => seen.exits.push(code),
      now: () => new Date('2030-01-02T03:04:05Z'),
      text: nativeText('en'),
      ...over,
    };
    return { d, seen };
  }

  it('writes the failure to a file, names it in an error box, and exits with 1', () => {
    const { d, seen } = deps();
    reportStartupFailure(d, new Error('the store is read-only'), 'start');
    const file = path.join('/logs', STARTUP_LOG);
    expect(seen.files.get(file)).toMatch(/^2030-01-02T03:04:05.000Z start\nError: the store is read-only/);
    expect(seen.boxes).toEqual([
      ['PanDesk could not start', `the store is read-only\n\nDetails were saved to ${file}`],
    ]);
    expect(seen.exits).toEqual([1]);
  });

  it('still tells the user and exits when nothing can be written', () => {
    const { d, seen } = deps({
      writeFile: () => {
        throw new Error('EROFS');
      },
    });
    reportStartupFailure(d, 'odd', 'main');
    expect(seen.boxes).toEqual([['PanDesk could not start', 'odd']]);
    expect(seen.exits).toEqual([1]);
  });

  it('cuts signed URL queries, URL passwords and bearer tokens', () => {
    const text = redactStartupText(
      'GET https://cdn.example/f.bin?auth_key=SECRET1 via http://u:SECRET2@proxy:8080 Bearer SECRET3',
    );
    expect(text).not.toMatch(/SECRET/);
    expect(text).toContain('https://cdn.example/f.bin?***');
  });
});

describe('stale journal owners', () => {
  it('removes owner files naming another pid, keeps ours and other files', async () => {
    await writeFile(path.join(dir, 'transfers.db.owner'), '{"pid":999999,"boot":{"at":1}}');
    await writeFile(path.join(dir, 'transfers-demo.db.owner'), '4242\n');
    await writeFile(path.join(dir, 'transfers-x.db.owner'), `{"pid":${process.pid}}`);
    await writeFile(path.join(dir, 'other.owner'), '1');
    expect(clearStaleJournalOwners(dir, process.pid).sort()).toEqual([
      'transfers-demo.db.owner',
      'transfers.db.owner',
    ]);
    expect((await readdir(dir)).sort()).toEqual(['other.owner', 'transfers-x.db.owner']);
    expect(clearStaleJournalOwners(path.join(dir, 'missing'), process.pid)).toEqual([]);
  });
});

describe('sandbox notice', () => {
  const text = nativeText('en');
  it('explains a Linux start without the sandbox, naming the AppImage cause when it is one', () => {
    const notice = sandboxNotice(
      { platform: 'linux', noSandbox: true, appImage: '/home/u/PanDesk.AppImage' },
      text,
    );
    expect(notice?.detail).toContain('AppArmor');
    expect(notice?.detail).toContain('.deb');
    expect(notice?.logLine).toMatch(/AppImage launcher/);
    expect(sandboxNotice({ platform: 'linux', noSandbox: true, appImage: undefined }, text)?.logLine).toMatch(
      /--no-sandbox/,
    );
  });
  it('says nothing when the sandbox is on or elsewhere', () => {
    expect(sandboxNotice({ platform: 'linux', noSandbox: false, appImage: '/a' }, text)).toBeUndefined();
    expect(sandboxNotice({ platform: 'win32', noSandbox: true, appImage: undefined }, text)).toBeUndefined();
  });
  it('has Chinese words for Chinese systems', () => {
    expect(nativeLanguage('zh-CN')).toBe('zh-CN');
    expect(nativeLanguage('zh-TW')).toBe('zh-CN');
    expect(nativeLanguage('de')).toBe('en');
    expect(
      sandboxNotice({ platform: 'linux', noSandbox: true, appImage: '/a' }, nativeText('zh-CN'))?.title,
    ).toMatch(/沙箱/);
  });
});

describe('update checks', () => {
  function run(isPackaged: boolean, feed: boolean, fails = false) {
    const calls = { checks: 0, intervals: [] as number[], logged: [] as string[] };
    const started = startUpdateChecks({
      isPackaged,
      feedFile: '/res/app-update.yml',
      exists: (file) => feed && file === '/res/app-update.yml',
      updater: () => ({
        checkForUpdatesAndNotify: async () => {
          calls.checks += 1;
          if (fails) throw new Error('offline');
        },
      }),
      log: (_e, context) => calls.logged.push(context),
      every: (ms) => (calls.intervals.push(ms), {}),
    });
    return { started, calls };
  }
  it('checks at start and twice a day when the package names a feed', async () => {
    const { started, calls } = run(true, true);
    expect(started).toBe(true);
    expect(calls.checks).toBe(1);
    expect(calls.intervals).toEqual([CHECK_INTERVAL_MS]);
  });
  it('never checks in development or without a feed, and logs a failed check', async () => {
    expect(run(false, true).started).toBe(false);
    expect(run(true, false).calls.checks).toBe(0);
    const failing = run(true, true, true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(failing.calls.logged).toEqual(['update check']);
  });
});
