import { startSilentServer } from '@pandesk/fake-pan/testing';
import { join } from 'node:path';
import { expect, test } from '../support/fixtures';
import { startWebHostProcess } from '../support/web-host-process';

/**
 * Start-up never waits for the network: the web host is started (exactly as `pnpm start:web`)
 * with credentials against a service that accepts connections and never answers. The page
 * must be up while signing in is still under way (`data-auth-state="connecting"`), and the
 * "unreachable, retrying" state must follow by itself after the grace period (about 20 s).
 * The times from launch are measured and attached to the report, not asserted: a loaded
 * machine must not fail the test, a start that waits for the network must.
 */

test('the page shows at once against a service that never answers, then says it is unreachable', async ({
  page,
  workDir,
}, testInfo) => {
  const service = await startSilentServer();
  const launchedAt = Date.now();
  const host = await startWebHostProcess({
    userData: join(workDir, 'user-data'),
    downloadDir: join(workDir, 'downloads'),
    apiBaseUrl: service.url,
    credentials: { clientId: 'offline-client', clientSecret: 'offline-secret-value' },
  });
  try {
    const urlPrintedAt = Date.now();
    await page.goto(host.url);
    // The shell is up while the back end is still trying to reach the service.
    await expect(page.locator('[data-app-state="ready"][data-auth-state="connecting"]')).toBeVisible();
    const pageShownAt = Date.now();
    await expect(page.getByTestId('connecting-banner')).toBeVisible();
    await expect(page.getByTestId('status-account')).toHaveText('Connecting…');
    expect(service.connections()).toBeGreaterThanOrEqual(1);

    const banner = page.getByTestId('auth-banner');
    await expect(banner).toContainText('cannot be reached', { timeout: 90_000 });
    const unreachableAt = Date.now();
    await expect(page.locator('[data-auth-state="auth_required"]')).toBeVisible();
    await expect(page.getByTestId('status-account')).toHaveText('Offline: retrying');
    expect(host.output()).toContain('Signing in with client ID offline-client in the background.');
    expect(host.output()).not.toContain('offline-secret-value');

    const figures = {
      launchToUrlMs: urlPrintedAt - launchedAt,
      urlToPageMs: pageShownAt - urlPrintedAt,
      launchToPageMs: pageShownAt - launchedAt,
      launchToUnreachableMs: unreachableAt - launchedAt,
    };
    console.log(`start-up against a silent service: ${JSON.stringify(figures)}`);
    for (const [type, ms] of Object.entries(figures))
      testInfo.annotations.push({ type, description: `${ms} ms` });
  } finally {
    await host.stop();
    await service.close();
  }
});

test("a later start while the service hangs shows the root's last known contents, marked offline, and recovers by itself", async ({
  page,
  fakePan,
  workDir,
}) => {
  const launch = {
    userData: join(workDir, 'user-data'),
    downloadDir: join(workDir, 'downloads'),
    apiBaseUrl: fakePan.baseUrl,
    credentials: { clientId: fakePan.clientId, clientSecret: fakePan.clientSecret },
  };
  const first = await startWebHostProcess(launch);
  try {
    await page.goto(first.url);
    await expect(page.locator('[data-app-state="ready"][data-auth-state="signed_in"]')).toBeVisible();
    await expect(page.getByTestId('file-row')).toHaveCount(4);
  } finally {
    await first.stop();
  }

  // The same service now accepts connections and never answers.
  fakePan.faults.set({ responseDelayMs: 600_000 });
  const second = await startWebHostProcess(launch);
  try {
    await page.goto(second.url);
    await expect(page.locator('[data-app-state="ready"][data-auth-state="connecting"]')).toBeVisible();
    await expect(page.getByTestId('offline-listing')).toBeVisible();
    await expect(page.getByTestId('file-row')).toHaveCount(4);
    await expect(page.getByTestId('file-row').first()).toContainText('Documents');

    // The service answers again: signed in by itself, the live listing replaces the kept one.
    fakePan.faults.set({ responseDelayMs: 0 });
    await expect(page.locator('[data-auth-state="signed_in"]')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('offline-listing')).toHaveCount(0);
    await expect(page.getByTestId('file-row')).toHaveCount(4);
  } finally {
    await second.stop();
  }
});
