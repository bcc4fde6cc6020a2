/** A transfer journal on disk, opened only for its database (the engine never starts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransferEngine } from '@pandesk/transfer';
import type { DriveBackend, JournalDatabase, TransferEngine } from '@pandesk/transfer';

const unused: DriveBackend = new Proxy({} as DriveBackend, {
  get: () => () => Promise.reject(new Error('no drive in this test')),
});

export interface TestJournal {
  readonly dir: string;
  readonly path: string;
  engine: TransferEngine;
  db(): JournalDatabase;
  reopen(): void;
  close(): Promise<void>;
}

export function openTestJournal(): TestJournal {
  const dir = mkdtempSync(join(tmpdir(), 'pandesk-sync-db-'));
  const path = join(dir, 'transfers.db');
  const t: TestJournal = {
    dir,
    path,
    engine: createTransferEngine({ journalPath: path, backend: unused }),
    db: () => t.engine.database(),
    reopen() {
      t.engine = createTransferEngine({ journalPath: path, backend: unused });
    },
    async close() {
      await t.engine.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
