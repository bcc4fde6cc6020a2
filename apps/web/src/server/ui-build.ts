import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Builds the browser UI when `dist/index.html` is missing or older than any of its sources
 * (this app's page and client, the UI and contract packages), so `pnpm start:web` and the e2e
 * suite never serve a stale bundle and never rebuild needlessly.
 */

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, await newestMtime(join(path, entry)));
  }
  return newest;
}

/** The folders and files whose change means a rebuild. */
export function uiSources(webRoot: string): string[] {
  const packages = join(webRoot, '..', '..', 'packages');
  return [
    join(webRoot, 'index.html'),
    join(webRoot, 'vite.config.ts'),
    join(webRoot, 'src', 'client'),
    join(packages, 'ui', 'src'),
    join(packages, 'contract', 'src'),
  ];
}

export async function isUiBuildStale(webRoot: string, distDir = join(webRoot, 'dist')): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).catch(() => undefined);
  if (built === undefined) return true;
  const sources = await Promise.all(uiSources(webRoot).map(newestMtime));
  return Math.max(...sources) > built.mtimeMs;
}

/** Runs `vite build` for `apps/web` (vite is loaded only when a build is needed). */
export async function buildUi(webRoot: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(webRoot, 'vite.config.ts'), root: webRoot, logLevel: 'warn' });
}

/** Builds when stale; answers whether it built. */
export async function ensureUiBuilt(webRoot: string): Promise<boolean> {
  if (!(await isUiBuildStale(webRoot))) return false;
  await buildUi(webRoot);
  return true;
}
