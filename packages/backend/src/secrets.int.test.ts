/**
 * THE secret test: with developer credentials, a pasted token, a refresh token and proxy
 * passwords configured, and real uploads and downloads (signed CDN URLs) going on, drive every
 * call and listen to every event, then search everything that crossed the link, and the log
 * files, for any secret. None may appear.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_CHANNELS, unwrap } from '@pandesk/contract';
import { exampleInputFor } from '@pandesk/contract/testing';
import type { ApiDomain } from '@pandesk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from './testing/backend-harness';
import type { Harness } from './testing/backend-harness';
import { startUrlServer } from '@pandesk/fake-pan/testing';

let h: Harness;
const stored: string[] = [];
/** The account's URL-authentication key for direct links (§8.3). */
const PRIVATE_KEY = 'direct-link-key-Q7W8E9';

beforeEach(async () => {
  h = await startHarness({
    fake: { vip: true, directLinkPrivateKey: PRIVATE_KEY, switches: { sliceSize: 64 * 1024 } },
  });
  stored.length = 0;
  const set = h.vault.set.bind(h.vault);
  h.vault.set = async (key, value) => {
    stored.push(value);
    await set(key, value);
  };
});
afterEach(async () => {
  await h.close();
});

/** Every secret value seen in the vault, with token records opened up. */
function secretsSeen(): string[] {
  const values = [...stored, ...Object.values(h.vault.entries())];
  const out = new Set<string>([h.fake.clientSecret]);
  for (const value of values) {
    try {
      const record = JSON.parse(value) as Record<string, unknown>;
      for (const key of ['accessToken', 'refreshToken', 'seedRefreshToken'])
        if (typeof record[key] === 'string') out.add(record[key]);
    } catch {
      out.add(value);
    }
  }
  return [...out].filter((s) => s.length >= 6);
}

async function transfersWithSignedUrls(): Promise<void> {
  const local = join(h.dir, 'payload.bin');
  await writeFile(local, randomBytes(150 * 1024));
  const uploaded = h.waitFor(
    'transfers:changed',
    (s) =>
      s.summary.byState.completed >= 1 && s.summary.byState.running === 0 && s.summary.byState.queued === 0,
  );
  unwrap(await h.client.transfers.upload({ localPaths: [local], remoteParentId: 0, conflict: 'keep_both' }));
  await uploaded;
  const node = h.fake.state.find('/payload.bin')!;
  const out = join(h.dir, 'out');
  await mkdir(out);
  const downloaded = h.waitFor(
    'transfers:changed',
    (s) =>
      s.summary.byState.completed >= 2 && s.summary.byState.running === 0 && s.summary.byState.queued === 0,
  );
  unwrap(
    await h.client.transfers.download({
      sources: [{ fileId: node.id, name: 'payload.bin', type: 'file' }],
      localDir: out,
      conflict: 'overwrite',
    }),
  );
  await downloaded;
}

/** Shares, a signed direct link, a cloud download and a copy, each to its end. */
async function cloudFeatures(): Promise<void> {
  const folder = h.fake.state.addFolder('/public');
  const file = await h.fake.state.addFile('/public/photo.png', 'picture bytes');
  unwrap(
    await h.client.shares.create({ ids: [file.id], name: 'Photo', expiryDays: 7, extractionCode: 'x7y8' }),
  );
  unwrap(await h.client.shares.list({}));
  unwrap(await h.client.directLinks.setSigning({ privateKey: PRIVATE_KEY, signedLinkMinutes: 60 }));
  unwrap(await h.client.directLinks.enable({ folderId: folder.id }));
  const link = unwrap(await h.client.directLinks.url({ fileId: file.id }));
  expect(link.signed).toBe(true);
  expect((await fetch(link.url)).status).toBe(200);
  const web = await startUrlServer();
  try {
    web.serve('/offline.bin', Buffer.from('fetched by the service'));
    const [task] = unwrap(
      await h.client.cloud.download({ urls: [`${web.origin}/offline.bin?sig=q1`], folderId: folder.id }),
    );
    await h.waitFor('cloud:changed', (s) =>
      s.tasks.some((t) => t.id === task!.id && t.state === 'completed'),
    );
  } finally {
    await web.close();
  }
  const copy = unwrap(
    await h.client.files.copy({ ids: [file.id], targetFolderId: folder.id, conflict: 'keep_both' }),
  );
  await h.waitFor('cloud:changed', (s) => s.tasks.some((t) => t.id === copy.id && t.state === 'completed'));
}

async function everyChannel(): Promise<void> {
  for (const { domain, method, channel } of API_CHANNELS) {
    // useDemo would seed the demo drive (seconds of work, no user secret involved); setConnection is driven below.
    if (channel === 'auth:useDemo' || channel === 'settings:setConnection') continue;
    const group = h.client[domain as ApiDomain] as unknown as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    await group[method]!(exampleInputFor(domain as ApiDomain, method));
  }
}

describe('secrets never cross the boundary or reach the log', () => {
  it('drives every call and event and finds no secret in the traffic or the logs', async () => {
    const folder = unwrap(await h.client.files.mkdir({ parentId: 0, name: 'Secret test' }));
    await h.client.files.list({ folderId: 0 });
    await h.client.files.treeChildren({ folderId: 0 });
    await h.client.files.rename({ id: folder.id, name: 'Secret test 2' });
    await h.client.files.trash({ ids: [folder.id] });
    await h.client.files.listTrash({});
    await h.client.files.restore({ ids: [folder.id] });
    await transfersWithSignedUrls();
    await cloudFeatures();
    unwrap(
      await h.client.settings.update({
        httpProxy: 'http://bob:proxy-pass-4321@proxy.local:3128',
        downloadProxyUrl: 'https://carol:dl-pass-8765@dl.local/',
      }),
    );
    await everyChannel();
    // A pasted token and a refresh token (the service refuses this refresh token: the status message must not echo it).
    unwrap(
      await h.client.settings.setConnection({
        accessToken: 'pasted-access-token-ABC123',
        refreshToken: 'refresh-token-XYZ789',
      }),
    );
    await h.client.auth.signIn();
    await h.client.settings.get();
    await h.client.auth.status();
    await h.client.auth.signOut();
    await h.backend.close();

    const secrets = [
      ...secretsSeen(),
      PRIVATE_KEY,
      'proxy-pass-4321',
      'dl-pass-8765',
      'pasted-access-token-ABC123',
      'refresh-token-XYZ789',
    ];
    expect(secrets.length).toBeGreaterThanOrEqual(6);
    const traffic = h.traffic.join('\n');
    expect(h.traffic.length).toBeGreaterThan(50);
    for (const event of [
      'auth:changed',
      'settings:changed',
      'folder:changed',
      'transfers:changed',
      'cloud:changed',
    ] as const) {
      expect(h.received.some((r) => r.event === event)).toBe(true);
    }
    const logDir = join(h.dir, 'logs');
    const logs = (
      await Promise.all((await readdir(logDir)).map((f) => readFile(join(logDir, f), 'utf8')))
    ).join('\n');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(traffic.includes(secret), `traffic leaks a secret of length ${secret.length}`).toBe(false);
      expect(logs.includes(secret), `log leaks a secret of length ${secret.length}`).toBe(false);
    }
    // Signed CDN download URLs (their query carries the signature) never cross either; the only
    // CDN addresses that do are direct links, which the user asked for to hand out.
    const uid = new URL(
      h.fake.cloud.directLinks.urlFor(h.fake.state.find('/public/photo.png')!),
    ).pathname.split('/')[1];
    const cdnHost = new URL(h.fake.cdnUrl).host;
    expect(traffic).toContain(`${cdnHost}/${uid}/public/photo.png?auth_key=`);
    expect(
      traffic
        .split(cdnHost)
        .slice(1)
        .filter((rest) => !rest.startsWith(`/${uid}/`)),
    ).toEqual([]);
    expect(logs).not.toMatch(/[?&](t|sign|s)=[^\s&]+/);
  });

  it('keeps secrets and signed URLs out of log files when failures carry them into the log', async () => {
    const file = await h.fake.state.addFile('/report.pdf', 'quarterly numbers');
    // A signed CDN URL, as the back end hands it to a host for a browser download.
    const signed = unwrap(await h.backend.downloadUrl(file.id));
    const query = new URL(signed).search;
    expect(query.length).toBeGreaterThan(5);
    // The same through a download proxy with a password in its address.
    unwrap(
      await h.client.settings.update({
        downloadMethod: 'proxy_url',
        downloadProxyUrl: 'https://carol:dl-pass-8765@dl.local/',
      }),
    );
    const proxied = unwrap(await h.backend.downloadUrl(file.id));
    expect(proxied).toContain('dl-pass-8765');
    const token = (JSON.parse(h.vault.entries()['pandesk.auth.token']!) as { accessToken: string })
      .accessToken;
    unwrap(await h.client.directLinks.setSigning({ privateKey: PRIVATE_KEY }));

    // Real failures a host reports through logError: fetch refuses an address with a password
    // and says so with the whole address; a failed request described with its headers; a
    // token request body; a CDN answer naming its URL.
    const refused: unknown = await fetch(proxied).then(
      () => new Error('fetch accepted an address with credentials'),
      (error: unknown) => error,
    );
    expect(String(refused)).toContain('dl-pass-8765');
    h.backend.logError(refused, 'web host request');
    h.backend.logError(
      { request: { method: 'GET', url: signed, headers: { authorization: `Bearer ${token}` } } },
      'ipc',
    );
    h.backend.logError(
      new Error(`POST /api/v1/access_token failed`, {
        cause: new Error(`body {"clientID":"${h.fake.clientId}","clientSecret":"${h.fake.clientSecret}"}`),
      }),
      'net',
    );
    h.backend.logError(
      new Error(`GET ${signed} answered HTTP 503 (access token ${token})`),
      'web host download',
    );
    h.backend.logError(new Error(`signing with key ${PRIVATE_KEY} failed`), 'direct link');
    await h.backend.close();

    const logs = await h.readLogs();
    for (const secret of [token, h.fake.clientSecret, 'dl-pass-8765', query.slice(1), PRIVATE_KEY])
      expect(logs.includes(secret), `log leaks a secret of length ${secret.length}`).toBe(false);
    for (const part of new URLSearchParams(query).values())
      if (part.length >= 6) expect(logs, 'log leaks a URL signature').not.toContain(part);
    // The lines are there (redacted), so the checks above are about redaction, not lost lines.
    expect(logs).toContain(
      'unexpected failure in web host request TypeError: Request cannot be constructed from a URL that includes credentials: https://carol:[redacted]@dl.local/',
    );
    expect(logs).toContain(
      `unexpected failure in web host download Error: GET ${signed.split('?')[0]}?[redacted]`,
    );
    expect(logs).toContain('unexpected failure in ipc');
    expect(logs).toContain('unexpected failure in direct link Error: signing with key');
    expect(logs).toContain('unexpected failure in net Error: POST /api/v1/access_token failed');
  });
});
