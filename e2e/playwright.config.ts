import { defineConfig } from '@playwright/test';

/**
 * End-to-end suite: each web test starts its own fake-pan (in the test process) and its own
 * web host process on loopback, and drives Debian's chromium (Playwright cannot download its
 * own browsers here). Reporters come from the command line (`--reporter=list,json`, see
 * scripts/test-all.mjs). The Electron spec (tests/electron.spec.ts) skips itself without an
 * Electron binary.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: 'tests',
  globalSetup: './support/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // A host process starts a back end and may build nothing (global setup did): generous for a loaded 2-core machine.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: {
    headless: true,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
});
