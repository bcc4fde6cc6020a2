import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds the web UI once per run, only when it is missing or older than its sources. */
export default function globalSetup(): void {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync('pnpm', ['--filter', '@pandesk/web', '--silent', 'run', 'build:if-needed'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
}
