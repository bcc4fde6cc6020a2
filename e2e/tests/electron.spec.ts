import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';

/**
 * The Electron suite: starts the packaged-layout desktop app (apps/desktop, `electron .`) with
 * its own profile, switches to the built-in demo drive and checks the folder tree shows it.
 *
 * Where no Electron binary is installed (CI and build machines cannot download it) the suite
 * skips with the reason. The binary is detected WITHOUT loading the `electron` package, since
 * loading it outside Electron starts a download that kills the process: resolve
 * `electron/package.json`, read its `path.txt`, and check `dist/<path.txt>` exists.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const desktopDir = join(repoRoot, 'apps', 'desktop');

type BinaryProbe =
  { readonly found: true; readonly path: string } | { readonly found: false; readonly reason: string };

function findElectronBinary(): BinaryProbe {
  let pkgDir: string;
  try {
    pkgDir = dirname(createRequire(join(desktopDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed in apps/desktop' };
  }
  const pathTxt = join(pkgDir, 'path.txt');
  if (!existsSync(pathTxt)) {
    return {
      found: false,
      reason: `no Electron binary downloaded (${pathTxt} is missing; this machine cannot fetch it)`,
    };
  }
  const binary = join(pkgDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(binary))
    return { found: false, reason: `Electron binary listed in path.txt is missing: ${binary}` };
  return { found: true, path: binary };
}

const probe = findElectronBinary();
const DEMO_FOLDERS = ['Documents', 'Photos', 'Music', 'Videos'];

test.describe('desktop app (Electron)', () => {
  test.skip(!probe.found, probe.found ? '' : `Electron suite skipped: ${probe.reason}`);

  let app: ElectronApplication | undefined;
  let profile = '';

  test.beforeAll(() => {
    if (!existsSync(join(desktopDir, 'dist', 'main', 'index.cjs'))) {
      execFileSync('pnpm', ['--filter', '@pandesk/desktop', '--silent', 'run', 'build'], {
        cwd: repoRoot,
        stdio: 'inherit',
      });
    }
  });

  test.afterEach(async () => {
    await app?.close();
    app = undefined;
    if (profile !== '') await rm(profile, { recursive: true, force: true });
  });

  test('starts on the demo drive and shows its folders in the tree', async () => {
    if (!probe.found) return;
    profile = await mkdtemp(join(tmpdir(), 'pandesk-electron-'));
    // Chromium refuses to start as root without --no-sandbox (CI containers run as root).
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    app = await electron.launch({
      executablePath: probe.path,
      args: [...rootArgs, desktopDir],
      cwd: desktopDir,
      env: { ...process.env, PANDESK_USER_DATA: join(profile, 'user-data') },
      timeout: 90_000,
    });
    const page = await app.firstWindow();
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 60_000 });

    // The window sees only the contract bridge; Node is out of reach.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const switched = await page.evaluate(async () => {
      const bridge = (window as unknown as { pandesk: { auth: { useDemo(): Promise<{ ok: boolean }> } } })
        .pandesk;
      return (await bridge.auth.useDemo()).ok;
    });
    expect(switched).toBe(true);

    const tree = page.getByRole('tree');
    for (const name of DEMO_FOLDERS) {
      await expect(tree.getByRole('treeitem').filter({ hasText: name }).first()).toBeVisible();
    }
  });
});
