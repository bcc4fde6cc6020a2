/**
 * Runs, their steps and the conflicts they kept. A run is `awaiting_confirmation` (its plan
 * waits for the user), `running` (steps being done; resumed after a crash) or `finished`.
 */
import type {
  SyncAction,
  SyncActionState,
  SyncConflict,
  SyncCounts,
  SyncPlanReason,
  SyncProblem,
  SyncRunOutcome,
  SyncScanCost,
} from '@pandesk/contract';
import type { JournalDatabase, SqlRow } from '@pandesk/transfer';
import type { PlanAction } from '../plan/actions';
import { phaseOf } from '../plan/actions';

export type RunState = 'awaiting_confirmation' | 'running' | 'finished';

export interface RunRecord {
  readonly id: string;
  readonly pairId: string;
  readonly startedAt: number;
  readonly finishedAt: number | null;
  readonly state: RunState;
  readonly outcome: SyncRunOutcome | null;
  readonly counts: SyncCounts;
  readonly reason: SyncPlanReason | null;
  readonly problems: readonly SyncProblem[];
  readonly scan: SyncScanCost | null;
  readonly error: SyncProblem | null;
}

export interface StoredAction {
  readonly runId: string;
  readonly seq: number;
  readonly action: PlanAction;
  readonly state: SyncActionState;
  readonly batchId: string | null;
  readonly error: SyncProblem | null;
}

const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

function toRun(r: SqlRow): RunRecord {
  return {
    id: String(r.id),
    pairId: String(r.pair_id),
    startedAt: Number(r.started_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    state: String(r.state) as RunState,
    outcome: r.outcome === null ? null : (String(r.outcome) as SyncRunOutcome),
    counts: json(r.counts, {} as SyncCounts),
    reason: r.reason === null ? null : (String(r.reason) as SyncPlanReason),
    problems: json(r.problems, []),
    scan: json(r.scan, null),
    error: json(r.error, null),
  };
}

function toStored(r: SqlRow): StoredAction {
  return {
    runId: String(r.run_id),
    seq: Number(r.seq),
    action: JSON.parse(String(r.body)) as PlanAction,
    state: String(r.state) as SyncActionState,
    batchId: r.batch_id === null ? null : String(r.batch_id),
    error: json(r.error, null),
  };
}

export interface NewRun {
  readonly id: string;
  readonly pairId: string;
  readonly startedAt: number;
  readonly state: RunState;
  readonly counts: SyncCounts;
  readonly reason: SyncPlanReason | null;
  readonly problems: readonly SyncProblem[];
  readonly scan: SyncScanCost | null;
}

export interface RunStore {
  /** Writes the run and all its steps in one transaction. */
  create(run: NewRun, actions: readonly PlanAction[]): void;
  get(runId: string): RunRecord | undefined;
  /** The pair's run that is awaiting confirmation or running, if any. */
  open(pairId: string): RunRecord | undefined;
  setState(runId: string, state: RunState): void;
  finish(runId: string, finishedAt: number, outcome: SyncRunOutcome, error: SyncProblem | null): void;
  history(pairId: string, limit: number): RunRecord[];
  /** Keeps the newest `keep` finished runs of the pair (and their steps). */
  prune(pairId: string, keep: number): void;
  discard(runId: string): void;
  actions(runId: string, states?: readonly SyncActionState[]): StoredAction[];
  actionsPage(runId: string, limit: number): SyncAction[];
  stateCounts(runId: string): Record<SyncActionState, number>;
  markAction(runId: string, seq: number, state: SyncActionState, error?: SyncProblem | null): void;
  setBatch(runId: string, seqs: readonly number[], batchId: string): void;
  addConflict(conflict: SyncConflict & { pairId: string }): void;
  conflicts(pairId: string): SyncConflict[];
  dropConflict(id: string): void;
  dropPair(pairId: string): void;
}

export function toActionView(a: StoredAction): SyncAction {
  const p = a.action;
  const base = {
    kind: p.kind,
    path: p.path,
    state: a.state,
    ...(a.error === null ? {} : { error: a.error }),
  };
  switch (p.kind) {
    case 'upload':
      return { ...base, kind: 'upload', size: p.size, replaces: p.replaceId !== null };
    case 'download':
      return { ...base, kind: 'download', size: p.size, replaces: p.replace !== null };
    case 'move_local':
    case 'move_remote':
    case 'conflict':
      return { ...base, kind: p.kind, toPath: p.to, size: 0, replaces: false };
    case 'record':
    case 'forget':
      throw new Error('records are not shown');
    default:
      return { ...base, kind: p.kind, size: 0, replaces: false };
  }
}

export function createRunStore(db: JournalDatabase): RunStore {
  return {
    create(run, actions) {
      db.durably(() => {
        db.run(
          `INSERT INTO sync_runs (id, pair_id, started_at, state, counts, reason, problems, scan)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            run.id,
            run.pairId,
            run.startedAt,
            run.state,
            JSON.stringify(run.counts),
            run.reason,
            JSON.stringify(run.problems),
            run.scan === null ? null : JSON.stringify(run.scan),
          ],
        );
        for (let i = 0; i < actions.length; i += 500) {
          const rows = actions
            .slice(i, i + 500)
            .map((a, n) => [run.id, i + n, run.pairId, phaseOf(a), a.kind, a.path, JSON.stringify(a)]);
          db.run(
            `INSERT INTO sync_actions (run_id, seq, pair_id, phase, kind, path, body)
             SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
             FROM json_each(?)`,
            [JSON.stringify(rows)],
          );
        }
      });
    },
    get(runId) {
      const r = db.get('SELECT * FROM sync_runs WHERE id = ?', [runId]);
      return r === null ? undefined : toRun(r);
    },
    open(pairId) {
      const r = db.get(
        `SELECT * FROM sync_runs WHERE pair_id = ? AND state != 'finished' ORDER BY started_at DESC LIMIT 1`,
        [pairId],
      );
      return r === null ? undefined : toRun(r);
    },
    setState: (runId, state) =>
      void db.durably(() => db.run('UPDATE sync_runs SET state = ? WHERE id = ?', [state, runId])),
    finish(runId, finishedAt, outcome, error) {
      db.durably(() =>
        db.run(
          `UPDATE sync_runs SET state = 'finished', finished_at = ?, outcome = ?, error = ? WHERE id = ?`,
          [finishedAt, outcome, error === null ? null : JSON.stringify(error), runId],
        ),
      );
    },
    history: (pairId, limit) =>
      db
        .all(
          `SELECT * FROM sync_runs WHERE pair_id = ? AND state = 'finished' ORDER BY started_at DESC LIMIT ?`,
          [pairId, limit],
        )
        .map(toRun),
    prune(pairId, keep) {
      const old = db
        .all(
          `SELECT id FROM sync_runs WHERE pair_id = ? AND state = 'finished' ORDER BY started_at DESC LIMIT -1 OFFSET ?`,
          [pairId, keep],
        )
        .map((r) => String(r.id));
      db.transaction(() => {
        for (const id of old) {
          db.run('DELETE FROM sync_actions WHERE run_id = ?', [id]);
          db.run('DELETE FROM sync_runs WHERE id = ?', [id]);
        }
      });
    },
    discard(runId) {
      db.durably(() => {
        db.run('DELETE FROM sync_actions WHERE run_id = ?', [runId]);
        db.run('DELETE FROM sync_runs WHERE id = ?', [runId]);
      });
    },
    actions(runId, states) {
      const filter = states ? `AND state IN (${states.map(() => '?').join(', ')})` : '';
      return db
        .all(`SELECT * FROM sync_actions WHERE run_id = ? ${filter} ORDER BY seq`, [runId, ...(states ?? [])])
        .map(toStored);
    },
    actionsPage(runId, limit) {
      return db
        .all(
          `SELECT * FROM sync_actions WHERE run_id = ? AND kind NOT IN ('record', 'forget') ORDER BY seq LIMIT ?`,
          [runId, limit],
        )
        .map((r) => toActionView(toStored(r)));
    },
    stateCounts(runId) {
      const out: Record<SyncActionState, number> = { pending: 0, done: 0, failed: 0, skipped: 0 };
      for (const r of db.all(
        `SELECT state, COUNT(*) AS n FROM sync_actions WHERE run_id = ? AND kind NOT IN ('record', 'forget') GROUP BY state`,
        [runId],
      ))
        out[String(r.state) as SyncActionState] = Number(r.n);
      return out;
    },
    markAction(runId, seq, state, error = null) {
      db.run('UPDATE sync_actions SET state = ?, error = ? WHERE run_id = ? AND seq = ?', [
        state,
        error === null ? null : JSON.stringify(error),
        runId,
        seq,
      ]);
    },
    setBatch(runId, seqs, batchId) {
      db.durably(() => {
        for (const seq of seqs)
          db.run('UPDATE sync_actions SET batch_id = ? WHERE run_id = ? AND seq = ?', [batchId, runId, seq]);
      });
    },
    addConflict(c) {
      db.run(
        'INSERT OR IGNORE INTO sync_conflicts (id, pair_id, path, copy_path, detected_at) VALUES (?, ?, ?, ?, ?)',
        [c.id, c.pairId, c.path, c.copyPath, c.detectedAt],
      );
    },
    conflicts: (pairId) =>
      db
        .all('SELECT * FROM sync_conflicts WHERE pair_id = ? ORDER BY detected_at DESC', [pairId])
        .map((r) => ({
          id: String(r.id),
          path: String(r.path),
          copyPath: String(r.copy_path),
          detectedAt: Number(r.detected_at),
        })),
    dropConflict: (id) => void db.run('DELETE FROM sync_conflicts WHERE id = ?', [id]),
    dropPair(pairId) {
      db.durably(() => {
        for (const table of ['sync_actions', 'sync_runs', 'sync_conflicts'])
          db.run(`DELETE FROM ${table} WHERE pair_id = ?`, [pairId]);
      });
    },
  };
}
