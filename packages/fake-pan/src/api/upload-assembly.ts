/**
 * In-order assembly of upload sessions while their slices arrive, so `upload_complete` only
 * checks a finished file instead of reading, hashing and copying the whole upload on the
 * critical path (a real server verifies on its own hardware; ours shares the client's cores).
 *
 * Per session, at most one live assembly: a file in the content store's temp space plus the
 * number of the next slice to append. When slices 1..k are present, the ones not yet handed
 * out are appended in order (the worker hashes MD5 + SHA-1 on the way); once every slice is
 * appended the job is finished, leaving the file and its hashes for `verify`.
 *
 * Invariants (never a wrong success):
 * - A slice stored again whose number was already handed out restarts the assembly from slice 1
 *   (rare; the old file is deleted). Out-of-order slices wait for the gap.
 * - A failed assembly (slice file gone, I/O error, worker stopped) is never used: the next
 *   stored slice restarts it, and `verify` re-assembles from the slice files once before it
 *   answers `io`.
 * - State is in memory only: after a restart (persisted sessions) the first stored slice or
 *   `verify` starts from slice 1; leftover files are temp files the content store deletes at open.
 * - Session release or expiry (`drop`) deletes the assembly file.
 */
import type { AssemblyJob, AssemblyWorker } from '../content/assembly-worker';
import type { ContentStore } from '../content/content-store';
import type { HashResult } from '../content/hashing';
import { adoptAssembly, type MergeResult } from './upload-merge';
import type { UploadSession, UploadSessions } from './upload-sessions';

/** Progress of a session's live assembly, for tests. */
export interface AssemblyStatus {
  /** Slices appended so far (1..n, in order). */
  slicesAssembled: number;
  /** Every slice appended and the whole-file hashes known. */
  finished: boolean;
  /** The assembly failed and will be restarted from slice 1 when needed. */
  failed: boolean;
}

export interface UploadAssembler {
  /** A slice file is in place (new or replacing an earlier copy): append what became contiguous. */
  sliceStored(session: UploadSession, sliceNo: number): void;
  /**
   * Waits for the whole assembly (starting or restarting it if needed), compares it with the
   * session's declared MD5/size and adopts it into the content store. Call only once every
   * slice is present. Never rejects.
   */
  verify(session: UploadSession): Promise<MergeResult>;
  /** The session is gone: stop its assembly and delete the file. */
  drop(preuploadID: string): void;
  /** The live assembly's progress, or undefined when there is none. */
  status(preuploadID: string): AssemblyStatus | undefined;
  /** Resolves once every append or finish handed to the worker for the session has settled. */
  settled(preuploadID: string): Promise<void>;
  /** Stops the worker and deletes unfinished assembly files; later verifies never answer. */
  close(): Promise<void>;
}

type Outcome = { ok: true; hashes: HashResult } | { ok: false };

interface Assembly {
  job: AssemblyJob;
  /** Next slice number to hand to the worker; 1..next-1 are appended or queued. */
  next: number;
  /** Slices the worker confirmed. */
  appended: number;
  /** The last request handed to the worker, settled (the worker runs requests in order). */
  tail: Promise<void>;
  /** Set once every slice was handed out and the job's finish requested. */
  outcome?: Promise<Outcome>;
  finished: boolean;
  state: 'running' | 'failed' | 'superseded' | 'dropped';
}

export interface UploadAssemblerOptions {
  store: ContentStore;
  sessions: UploadSessions;
  worker: AssemblyWorker;
}

const IO_FAILURE: MergeResult = { ok: false, reason: 'io' };

export function createUploadAssembler(options: UploadAssemblerOptions): UploadAssembler {
  const { store, sessions, worker } = options;
  const assemblies = new Map<string, Assembly>();
  let closed = false;

  function begin(session: UploadSession): Assembly {
    const job = worker.start(store.tempPath('assembly'));
    const a: Assembly = {
      job,
      next: 1,
      appended: 0,
      tail: Promise.resolve(),
      finished: false,
      state: 'running',
    };
    assemblies.set(session.preuploadID, a);
    return a;
  }

  /** Ends an assembly for good: its queued work is dropped and its file deleted. */
  function discard(id: string, a: Assembly, state: 'superseded' | 'dropped'): void {
    a.state = state;
    a.job.abort();
    if (assemblies.get(id) === a) assemblies.delete(id);
  }

  function track(a: Assembly, request: Promise<unknown>): void {
    a.tail = request.then(
      () => undefined,
      () => {
        if (a.state === 'running') a.state = 'failed';
      },
    );
  }

  /** Hands every newly contiguous slice to the worker, then the finish once all are out. */
  function pump(session: UploadSession, a: Assembly): void {
    if (a.state !== 'running') return;
    const count = sessions.sliceCount(session);
    while (a.next <= count && session.slices[String(a.next)]) {
      track(
        a,
        a.job.append(sessions.slicePath(session, a.next)).then(() => a.appended++),
      );
      a.next++;
    }
    if (a.next <= count || a.outcome) return;
    a.outcome = a.job.finish().then(
      (hashes): Outcome => {
        a.finished = true;
        return { ok: true, hashes };
      },
      (): Outcome => ({ ok: false }),
    );
    track(
      a,
      a.outcome.then((o) => (o.ok ? undefined : Promise.reject(new Error('assembly failed')))),
    );
  }

  function sliceStored(session: UploadSession, sliceNo: number): void {
    if (closed || session.fileId !== undefined) return;
    const id = session.preuploadID;
    let a = assemblies.get(id);
    if (a && (a.state === 'failed' || sliceNo < a.next)) {
      discard(id, a, 'superseded');
      a = undefined;
    }
    if (!a && !session.slices['1']) return; // nothing to append before slice 1 arrives
    pump(session, a ?? begin(session));
  }

  /** The assembly verify should wait for: the live one, or a fresh one from slice 1. */
  function current(session: UploadSession): Assembly {
    const a = assemblies.get(session.preuploadID);
    if (a && a.state !== 'failed') return a;
    if (a) discard(session.preuploadID, a, 'superseded');
    const fresh = begin(session);
    pump(session, fresh);
    return fresh;
  }

  async function verify(session: UploadSession): Promise<MergeResult> {
    // A failure found here (or left from the upload) earns one fresh assembly, not more.
    let retries = 1;
    for (;;) {
      if (closed) return new Promise<MergeResult>(() => undefined);
      const before = assemblies.get(session.preuploadID);
      if (before?.state === 'failed' && retries-- <= 0) {
        discard(session.preuploadID, before, 'superseded');
        return IO_FAILURE;
      }
      const a = current(session);
      pump(session, a);
      if (!a.outcome) return IO_FAILURE; // slices missing: the completer checks this first
      const outcome = await a.outcome;
      if (closed) return new Promise<MergeResult>(() => undefined);
      if (a.state === 'dropped') return IO_FAILURE;
      if (a.state === 'superseded') continue; // a slice was re-sent meanwhile
      if (!outcome.ok) {
        a.state = 'failed';
        continue;
      }
      assemblies.delete(session.preuploadID);
      return adoptAssembly(store, session, a.job.path, outcome.hashes);
    }
  }

  function drop(preuploadID: string): void {
    const a = assemblies.get(preuploadID);
    if (a) discard(preuploadID, a, 'dropped');
  }

  function status(preuploadID: string): AssemblyStatus | undefined {
    const a = assemblies.get(preuploadID);
    if (!a) return undefined;
    return { slicesAssembled: a.appended, finished: a.finished, failed: a.state === 'failed' };
  }

  async function settled(preuploadID: string): Promise<void> {
    for (;;) {
      const a = assemblies.get(preuploadID);
      if (!a) return;
      const tail = a.tail;
      await tail;
      if (assemblies.get(preuploadID) === a && a.tail === tail) return;
    }
  }

  async function close(): Promise<void> {
    closed = true;
    for (const [id, a] of assemblies) discard(id, a, 'dropped');
    await worker.close();
  }

  return { sliceStored, verify, drop, status, settled, close };
}
