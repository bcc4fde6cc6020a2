/**
 * The engine as the app assembles it (open-api client without client-side pacing, the shipped
 * DriveBackend, the transfer engine), started, for the child processes the SIGKILL tests run.
 */
import type { TransferLimits } from '@pandesk/contract';
import { createPanClient } from '@pandesk/open-api';
import { createTransferEngine } from '@pandesk/transfer';
import type { EngineTuning } from '@pandesk/transfer';
import { createDriveBackend } from '../drive-backend';

export interface ChildEngineConfig {
  journalPath: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  limits?: Partial<TransferLimits>;
  tuning: Partial<EngineTuning>;
}

export function startChildEngine(config: ChildEngineConfig) {
  const client = createPanClient({
    baseUrl: config.baseUrl,
    credentials: { kind: 'client', clientId: config.clientId, clientSecret: config.clientSecret },
    rateTable: false,
  });
  const engine = createTransferEngine({
    journalPath: config.journalPath,
    backend: createDriveBackend(() => client),
    ...(config.limits === undefined ? {} : { limits: config.limits }),
    tuning: config.tuning,
  });
  engine.start();
  return { client, engine };
}
