/** The engine's defaults: concurrency and speed limits, and the tuning of its jobs. */
import type { TransferLimits } from '@pandesk/contract';
import type { EngineTuning } from './job-context';

export const DEFAULT_LIMITS: TransferLimits = Object.freeze({
  uploadFiles: 3,
  downloadFiles: 3,
  slicesPerFile: 3,
  segmentsPerFile: 4,
  uploadBytesPerSecond: 0,
  downloadBytesPerSecond: 0,
});

export const DEFAULT_TUNING: EngineTuning = Object.freeze({
  segmentSize: 8 * 1024 * 1024,
  completePollMs: 1000,
  completePollBudget: 300,
  backoffBaseMs: 1000,
  backoffCapMs: 30_000,
  urlExpiryMarginMs: 60_000,
  journalIntervalMs: 1000,
  journalBatchBytes: 64 * 1024 * 1024,
  singleUploadMaxBytes: 16 * 1024 * 1024,
  stallTimeoutMs: 30_000,
});
