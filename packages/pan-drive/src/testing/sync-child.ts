/**
 * A sync process for the crash and property tests, assembled as the app does (open-api client,
 * the shipped adapters, the engine, the sync store in its journal): run with tsx, it runs the
 * pair once (confirming a plan that waits), prints `STARTED` when it begins and `DONE <result>`
 * when the run is over. The parent SIGKILLs it at random moments. Configuration: JSON in the
 * SYNC_CHILD environment variable.
 */
import { createFolderTrash, finishRun, openSyncStore, runPair } from '@pandesk/sync';
import type { RunHooks } from '@pandesk/sync';
import { startChildEngine } from './child-engine';
import { createSyncRemote } from '../sync-remote';
import { TEST_TUNING } from './pan-kit';

export interface SyncChildConfig {
  journalPath: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  pairId: string;
  host: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.SYNC_CHILD ?? '{}') as SyncChildConfig;
  const { client, engine } = startChildEngine({ ...config, tuning: TEST_TUNING });
  const store = openSyncStore(engine.database());
  const deps = {
    store,
    remote: createSyncRemote(() => client),
    transfers: engine,
    trash: createFolderTrash(),
    host: config.host,
    now: () => Date.now(),
    listRate: () => 5,
  };
  const pair = store.pairs.get(config.pairId);
  if (pair === undefined) throw new Error('no such pair');
  const hooks: RunHooks = {
    signal: new AbortController().signal,
    scope: null,
    manual: true,
    onPhase: () => undefined,
    onProgress: () => undefined,
  };
  process.stdout.write('STARTED\n');
  let result = await runPair(deps, pair, hooks);
  if (result === 'awaiting_confirmation') {
    const open = store.runs.open(pair.id);
    if (open) await finishRun(deps, pair, open, hooks);
    result = 'finished';
  }
  await engine.close();
  process.stdout.write(`DONE ${result}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`sync-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
