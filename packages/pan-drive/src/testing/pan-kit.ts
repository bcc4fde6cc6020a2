/**
 * Test set-up for the engine over the shipped adapter against fake-pan on loopback: an emulator
 * (rate limits off unless asked), an open-api client, `createDriveBackend`, a temp folder and an
 * engine on a journal in it. `fetch` lets a test put something between the client and the
 * network (a network switch, a byte-flipper); the same function carries the engine's CDN bytes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan, FakePanOptions } from '@pandesk/fake-pan';
import { createPanClient } from '@pandesk/open-api';
import type { PanClient, PanClientOptions } from '@pandesk/open-api';
import { createTransferEngine } from '@pandesk/transfer';
import type { DriveBackend, TransferEngine, TransferEngineOptions } from '@pandesk/transfer';
import type { TransferItem, TransferState } from '@pandesk/contract';
import { createDriveBackend } from '../drive-backend';

export type PlainFetch = (input: string, init: RequestInit) => Promise<Response>;

export interface PanKit {
  pan: FakePan;
  client: PanClient;
  backend: DriveBackend;
  engine: TransferEngine;
  work: string;
  items(states?: TransferState[]): TransferItem[];
  close(): Promise<void>;
}

export interface PanKitOptions {
  fakePan?: FakePanOptions;
  fetch?: PlainFetch;
  client?: Partial<PanClientOptions>;
  engine?: Partial<TransferEngineOptions>;
}

/** Fast backoff for tests, and the shipped values for everything else. */
export const TEST_TUNING = { completePollMs: 100, backoffBaseMs: 100, backoffCapMs: 1000 };

export async function startPanKit(options: PanKitOptions = {}): Promise<PanKit> {
  const pan = await startFakePan({
    ...options.fakePan,
    faults: { rateLimits: false, ...options.fakePan?.faults },
  });
  const work = mkdtempSync(join(tmpdir(), 'pandesk-drive-'));
  const fetch: PlainFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const client = createPanClient({
    baseUrl: pan.baseUrl,
    credentials: { kind: 'client', clientId: pan.clientId, clientSecret: pan.clientSecret },
    rateTable: false,
    fetch,
    ...options.client,
  });
  const backend = createDriveBackend(() => client);
  const engine = createTransferEngine({
    journalPath: join(work, 'journal.db'),
    backend,
    fetch: (url, init) => fetch(url, init),
    ...options.engine,
    tuning: { ...TEST_TUNING, ...options.engine?.tuning },
  });
  engine.start();
  return {
    pan,
    client,
    backend,
    engine,
    work,
    items: (states) => [...engine.getPage({ offset: 0, limit: 1000, ...(states ? { states } : {}) }).items],
    async close() {
      await engine.close();
      await pan.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
