import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan } from '@pandesk/fake-pan';
import { startWebHostProcess } from './web-host-process';
import type { WebHostProcess } from './web-host-process';

/**
 * Per-test world: a fresh fake-pan in the test process (rate limits off, seeded by
 * `driveSeed`), a fresh user-data and download folder, a web host process signed in to that
 * fake-pan with its developer credentials, and the page opened on the host and ready.
 */

/** Arranges the drive before the app opens (an object: Playwright would take a bare function for a fixture). */
export interface DriveSeed {
  readonly arrange: (fake: FakePan) => Promise<void>;
}

/** The default drive: three root folders, a nested file and a root file. */
export const DEFAULT_SEED: DriveSeed = {
  arrange: async (fake) => {
    fake.state.addFolder('/Documents');
    fake.state.addFolder('/Photos');
    fake.state.addFolder('/Videos');
    await fake.state.addFile('/Documents/notes.txt', 'notes of the day\n');
    await fake.state.addFile('/hello.txt', 'hello from fake-pan\n');
  },
};

export interface Fixtures {
  driveSeed: DriveSeed;
  fakePan: FakePan;
  /** Temporary folder holding `user-data/` and `downloads/` of this test. */
  workDir: string;
  downloadDir: string;
  webHost: WebHostProcess;
  /** Console errors and uncaught exceptions of the page (collected from before it opens). */
  pageProblems: string[];
  /** The page, opened on the web host, signed in, with `[data-app-state="ready"]` present. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  driveSeed: [DEFAULT_SEED, { option: true }],

  fakePan: async ({ driveSeed }, use) => {
    const fake = await startFakePan({ port: 0, faults: { rateLimits: false } });
    await driveSeed.arrange(fake);
    await use(fake);
    await fake.close();
  },

  // Playwright reads the first parameter's pattern to find dependencies: it must be a destructuring.
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'pandesk-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  downloadDir: async ({ workDir }, use) => {
    await use(join(workDir, 'downloads'));
  },

  webHost: async ({ fakePan, workDir, downloadDir }, use, testInfo) => {
    const host = await startWebHostProcess({
      userData: join(workDir, 'user-data'),
      downloadDir,
      apiBaseUrl: fakePan.baseUrl,
      credentials: { clientId: fakePan.clientId, clientSecret: fakePan.clientSecret },
    });
    await use(host);
    await host.stop();
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('web-host-output', { body: host.output(), contentType: 'text/plain' });
  },

  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await use(problems);
  },

  app: async ({ page, webHost, pageProblems }, use) => {
    void pageProblems;
    await page.goto(webHost.url);
    // The page is ready at once while signing in runs in the background; tests start signed in.
    await expect(page.locator('[data-app-state="ready"][data-auth-state="signed_in"]')).toBeVisible({
      timeout: 60_000,
    });
    await use(page);
  },
});

export { expect };
