/** Pairs: their configuration, paused flag and what the last scan found and cost. */
import type { SyncPairConfig, SyncProblem, SyncScanCost } from '@pandesk/contract';
import type { JournalDatabase, SqlRow } from '@pandesk/transfer';

export interface PairRecord {
  readonly id: string;
  readonly config: SyncPairConfig;
  readonly paused: boolean;
  readonly createdAt: number;
  /** The local folder's file system folds case (probed when the pair was added). */
  readonly caseInsensitive: boolean;
  readonly scan: SyncScanCost | null;
  readonly itemProblems: readonly SyncProblem[];
  /** The last time both sides were compared (a run that found nothing to do included). */
  readonly checkedAt: number | null;
}

function toPair(r: SqlRow): PairRecord {
  return {
    id: String(r.id),
    config: JSON.parse(String(r.config)) as SyncPairConfig,
    paused: Number(r.paused) === 1,
    createdAt: Number(r.created_at),
    caseInsensitive: Number(r.case_insensitive) === 1,
    scan: r.scan === null ? null : (JSON.parse(String(r.scan)) as SyncScanCost),
    itemProblems: r.item_problems === null ? [] : (JSON.parse(String(r.item_problems)) as SyncProblem[]),
    checkedAt: r.checked_at === null ? null : Number(r.checked_at),
  };
}

export interface PairStore {
  list(): PairRecord[];
  get(id: string): PairRecord | undefined;
  add(pair: Omit<PairRecord, 'scan' | 'itemProblems' | 'checkedAt'>): void;
  setConfig(id: string, config: SyncPairConfig): void;
  setPaused(id: string, paused: boolean): void;
  setChecked(id: string, at: number, scan: SyncScanCost | null, problems: readonly SyncProblem[]): void;
  remove(id: string): void;
}

export function createPairStore(db: JournalDatabase): PairStore {
  return {
    list: () => db.all('SELECT * FROM sync_pairs ORDER BY created_at').map(toPair),
    get(id) {
      const r = db.get('SELECT * FROM sync_pairs WHERE id = ?', [id]);
      return r === null ? undefined : toPair(r);
    },
    add(p) {
      db.durably(() =>
        db.run(
          'INSERT INTO sync_pairs (id, config, paused, created_at, case_insensitive) VALUES (?, ?, ?, ?, ?)',
          [p.id, JSON.stringify(p.config), p.paused ? 1 : 0, p.createdAt, p.caseInsensitive ? 1 : 0],
        ),
      );
    },
    setConfig: (id, config) =>
      void db.durably(() =>
        db.run('UPDATE sync_pairs SET config = ? WHERE id = ?', [JSON.stringify(config), id]),
      ),
    setPaused: (id, paused) =>
      void db.durably(() => db.run('UPDATE sync_pairs SET paused = ? WHERE id = ?', [paused ? 1 : 0, id])),
    setChecked(id, at, scan, problems) {
      db.run(
        'UPDATE sync_pairs SET checked_at = ?, scan = COALESCE(?, scan), item_problems = ? WHERE id = ?',
        [at, scan === null ? null : JSON.stringify(scan), JSON.stringify(problems), id],
      );
    },
    remove: (id) => void db.durably(() => db.run('DELETE FROM sync_pairs WHERE id = ?', [id])),
  };
}
