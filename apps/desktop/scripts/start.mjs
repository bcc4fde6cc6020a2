// `pnpm start`: runs the built app (dist/) with the Electron binary of node_modules. On Linux,
// Chromium's sandbox needs either a user namespace or a setuid-root `chrome-sandbox`; the one in
// node_modules is not setuid, and Ubuntu 23.10+ lets only programs with an AppArmor profile
// create user namespaces, so there Electron aborts at once ("No usable sandbox!"). This checks
// first, the way electron-builder's AppImage launcher does (`unshare -Ur true`), and explains:
// it then starts without the sandbox for this development run, or refuses with
// PANDESK_REQUIRE_SANDBOX=1.
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The electron package answers the path of its binary (downloading it on first use).
const electronBinary = createRequire(path.join(appDir, 'package.json'))('electron');

function setuidSandbox(binary) {
  try {
    const info = statSync(path.join(path.dirname(binary), 'chrome-sandbox'));
    return info.uid === 0 && (info.mode & 0o4000) !== 0;
  } catch {
    return false;
  }
}

function sandboxArgs() {
  if (process.platform !== 'linux' || process.getuid?.() === 0) return [];
  if (setuidSandbox(electronBinary)) return [];
  if (spawnSync('unshare', ['-Ur', 'true'], { stdio: 'ignore' }).status === 0) return [];
  const sandboxHelper = path.join(path.dirname(electronBinary), 'chrome-sandbox');
  console.error(
    [
      'PanDesk: this system does not let Electron create a user namespace (Ubuntu 23.10+ restricts',
      'them to programs with an AppArmor profile), and chrome-sandbox is not setuid root.',
      'To run with the sandbox, either:',
      `  sudo chown root:root ${sandboxHelper} && sudo chmod 4755 ${sandboxHelper}`,
      '  or add an AppArmor profile for the Electron binary (see README, "AppImage and the sandbox").',
    ].join('\n'),
  );
  if (process.env.PANDESK_REQUIRE_SANDBOX === '1') process.exit(1);
  console.error('Starting this development run with --no-sandbox.');
  return ['--no-sandbox'];
}

const child = spawn(electronBinary, [...sandboxArgs(), appDir], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
