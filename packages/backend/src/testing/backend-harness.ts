/**
 * Test harness: a fake-pan on port 0, a back end with in-memory ports pointed at it, and an
 * RPC client talking to it through contract's in-memory transport pair (JSON-serialised, as
 * over a WebSocket). Every message on the link is recorded for the secrets test.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, createInMemoryTransportPair } from '@pandesk/contract';
import { serveApi } from '@pandesk/contract/server';
import type { ApiClient, EventName, PanDeskEvents, RpcMessage, Transport } from '@pandesk/contract';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan, FakePanOptions } from '@pandesk/fake-pan';
import { createBackend } from '../backend';
import type { Backend } from '../backend-types';
import type { BackendPorts, PlatformHooks } from '../ports';
import { createMemorySecretVault, createMemorySettingsStore } from './memory-ports';
import type { MemorySecretVault, MemorySettingsStore } from './memory-ports';

let demoTemplate: Promise<string> | undefined;

/** Seeding the demo drive takes seconds (tens of MB of sample files): seed once per test file, copy after. */
function seededDemoDrive(): Promise<string> {
  demoTemplate ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pandesk-demo-template-'));
    const seeded = await startFakePan({ seed: 'demo', dataDir: dir, port: 0 });
    await seeded.close();
    return dir;
  })();
  return demoTemplate;
}

/** Deletes the seeded demo template (call in `afterAll` of a file that used `signIn: false`). */
export async function disposeDemoTemplate(): Promise<void> {
  const pending = demoTemplate;
  demoTemplate = undefined;
  if (pending !== undefined) await rm(await pending, { recursive: true, force: true });
}

export interface Harness {
  fake: FakePan;
  backend: Backend;
  client: ApiClient;
  store: MemorySettingsStore;
  vault: MemorySecretVault;
  dir: string;
  /**
   * Every message the back end sent (results and events), serialised. Calls are not recorded:
   * the renderer sending a secret to `setConnection` is the one allowed direction.
   */
  traffic: string[];
  /** Events received by the client, in order. */
  received: { event: EventName; payload: unknown }[];
  /** Resolves with the first event of that name matching `test` received from now on (or already received when `past`). */
  waitFor<E extends EventName>(
    event: E,
    test?: (payload: PanDeskEvents[E]) => boolean,
    timeoutMs?: number,
  ): Promise<PanDeskEvents[E]>;
  /** Every daily log file's text, joined (call after `backend.close()` to have every line). */
  readLogs(): Promise<string>;
  /** Restarts the back end on the same stores (a new launch). */
  restart(extra?: Partial<BackendPorts>): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakePanOptions;
  /** Connect with the fake's developer credentials at start (default true). */
  signIn?: boolean;
  ports?: Partial<BackendPorts>;
  platform?: PlatformHooks;
  encryptionAvailable?: boolean;
  /**
   * Wait after each launch until the background sign-in has an outcome (default true), so a
   * test starts signed in (or with the reason why not) as it did when start-up waited.
   */
  settleSignIn?: boolean;
}

/** Resolves once the back end's auth status is no longer `connecting`. */
export async function signInSettled(backend: Backend): Promise<void> {
  await new Promise<void>((resolve) => {
    const off = backend.on('auth:changed', (status) => {
      if (status.state === 'connecting') return;
      off();
      resolve();
    });
    void backend.api.auth.status().then((r) => {
      if (r.ok && r.value.state !== 'connecting') {
        off();
        resolve();
      }
    });
  });
}

function recording(transport: Transport, traffic: string[]): Transport {
  return {
    send(message: RpcMessage) {
      traffic.push(JSON.stringify(message));
      transport.send(message);
    },
    onMessage: (listener) => transport.onMessage(listener),
    onClose: (listener) => transport.onClose(listener),
    close: () => transport.close(),
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await startFakePan({
    port: 0,
    ...options.fake,
    faults: { rateLimits: false, ...options.fake?.faults },
  });
  const dir = await mkdtemp(join(tmpdir(), 'pandesk-backend-'));
  const store = createMemorySettingsStore();
  const vault = createMemorySecretVault({ encryptionAvailable: options.encryptionAvailable ?? true });
  const traffic: string[] = [];
  const received: { event: EventName; payload: unknown }[] = [];
  const waiters = new Set<() => void>();
  if (options.signIn !== false) {
    await vault.set('pandesk.connection.clientSecret', fake.clientSecret);
    await store.save({ version: 1, connection: { clientId: fake.clientId, rootFolderId: 0 } });
  } else {
    await cp(await seededDemoDrive(), join(dir, 'user-data', 'demo-drive'), { recursive: true });
  }
  const basePorts = (): BackendPorts => ({
    settingsStore: store,
    secretVault: vault,
    paths: {
      userData: join(dir, 'user-data'),
      logs: join(dir, 'logs'),
      downloads: dir,
      desktop: join(dir, 'Desktop'),
    },
    host: 'web',
    apiBaseUrl: fake.baseUrl,
    tuning: { rateLimits: false, retryBaseMs: 20, snapshotIntervalMs: 40, cloudPollMs: 30 },
    ...(options.platform === undefined ? {} : { platform: options.platform }),
    ...options.ports,
  });

  const link = {
    backend: undefined as unknown as Backend,
    client: undefined as unknown as ApiClient,
    stop: () => undefined as void,
  };
  async function launch(extra: Partial<BackendPorts> = {}): Promise<void> {
    link.backend = await createBackend({ ...basePorts(), ...extra });
    const [serverEnd, clientEnd] = createInMemoryTransportPair({ serialisation: 'json' });
    const served = serveApi(link.backend.api, recording(serverEnd, traffic), {
      events: link.backend.events,
      onError: link.backend.logError,
    });
    link.client = createApiClient(clientEnd);
    for (const event of [
      'auth:changed',
      'settings:changed',
      'folder:changed',
      'transfers:changed',
      'places:changed',
      'cloud:changed',
      'sync:changed',
    ] as const) {
      link.client.on(event, (payload) => {
        received.push({ event, payload });
        for (const wake of [...waiters]) wake();
      });
    }
    link.stop = () => served.close();
    if (options.settleSignIn !== false) await signInSettled(link.backend);
  }
  await launch();

  const harness: Harness = {
    fake,
    get backend() {
      return link.backend;
    },
    get client() {
      return link.client;
    },
    store,
    vault,
    dir,
    traffic,
    received,
    waitFor(event, test = () => true, timeoutMs = 30_000) {
      const start = received.length;
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = received.slice(start).find((r) => r.event === event && test(r.payload as never));
          if (hit === undefined) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit.payload as never);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          // The last such event says how far things got (a test failure names it).
          const last = received.slice(start).findLast((r) => r.event === event);
          const seen = last === undefined ? 'none came' : `the last was ${JSON.stringify(last.payload)}`;
          reject(new Error(`no matching ${event} event within ${timeoutMs} ms; ${seen}`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    async readLogs() {
      const logDir = join(dir, 'logs');
      const files = (await readdir(logDir)).sort();
      return (await Promise.all(files.map((f) => readFile(join(logDir, f), 'utf8')))).join('\n');
    },
    async restart(extra) {
      link.stop();
      await link.backend.close();
      await launch(extra);
    },
    async close() {
      link.stop();
      await link.backend.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
