#!/usr/bin/env node
// Runs every check and test runner of the workspace and prints one closing line,
// `N passed, N failed, N skipped`, that adds them all up. Each runner writes a JSON report
// into reports/; a runner whose report is missing counts as one failure, so a crashed
// runner can never look like a green run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

/** A check without its own report (typecheck, lint) counts as one test. */
function check(name, cmd, args) {
  const status = run(cmd, args);
  if (status === 0) totals.passed += 1;
  else totals.failed += 1;
  lines.push(`${name}: ${status === 0 ? 'passed' : 'FAILED'}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest() {
  const out = join(reports, 'vitest.json');
  run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const r = readJson(out);
  if (!r) {
    totals.failed += 1;
    lines.push('vitest: report missing (counted as 1 failure)');
    return;
  }
  // numFailedTests misses suites that failed to load; count those as failures too.
  const failedSuites = (r.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += (r.numFailedTests ?? 0) + failedSuites;
  totals.skipped += skipped;
  lines.push(
    `vitest: ${r.numPassedTests} passed, ${(r.numFailedTests ?? 0) + failedSuites} failed, ${skipped} skipped`,
  );
}

function playwright() {
  if (!existsSync(join(root, 'e2e', 'playwright.config.ts'))) return;
  const out = join(reports, 'playwright.json');
  run('pnpm', ['--filter', '@pandesk/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  });
  const r = readJson(out);
  if (!r?.stats) {
    totals.failed += 1;
    lines.push('playwright: report missing (counted as 1 failure)');
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = r.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  lines.push(`playwright: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped`);
}

check('typecheck', 'pnpm', ['-r', '--no-bail', 'typecheck']);
check('lint', 'pnpm', ['exec', 'eslint', '.', '--max-warnings=0']);
check('format', 'pnpm', ['exec', 'prettier', '--check', '.']);
vitest();
playwright();

console.log('\n' + lines.join('\n'));
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
