/**
 * The engine process of the crash test, exactly as the app assembles it (open-api client, the
 * shipped adapter, the engine): run with tsx, killed with SIGKILL at random moments and started
 * again. Every run enqueues the same batches (idempotent by batch id), resumes whatever the
 * journal holds, and prints `DONE <summary json>` once everything finished. Configuration comes
 * as JSON in the CRASH_CONFIG environment variable.
 */
import type { TransferLimits } from '@pandesk/contract';
import type { EngineTuning } from '@pandesk/transfer';
import { startChildEngine } from './child-engine';

export interface CrashConfig {
  journalPath: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  uploadDir: string;
  remoteParentId: number;
  downloadFolderId: number;
  downloadDir: string;
  limits: Partial<TransferLimits>;
  tuning: Partial<EngineTuning>;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.CRASH_CONFIG ?? '{}') as CrashConfig;
  const { engine } = startChildEngine(config);
  await engine.upload({
    batchId: 'crash-up',
    localPaths: [config.uploadDir],
    remoteParentId: config.remoteParentId,
    conflict: 'keep_both',
  });
  await engine.download({
    batchId: 'crash-down',
    sources: [{ fileId: config.downloadFolderId, name: 'seed', type: 'folder' }],
    localDir: config.downloadDir,
    conflict: 'keep_both',
  });
  process.stdout.write('ENQUEUED\n');
  await engine.whenIdle();
  const summary = engine.getSummary();
  await engine.close();
  process.stdout.write(`DONE ${JSON.stringify(summary.byState)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
