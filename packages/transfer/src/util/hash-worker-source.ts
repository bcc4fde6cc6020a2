/**
 * The code of a hashing worker, as plain CommonJS in a string (run with `eval: true`). It takes
 * every hash it is given at once and works on them in turns of 1 MiB; it opens a path with
 * O_NONBLOCK and hashes it only when the opened descriptor is a regular file (`ENOTREG`
 * otherwise), so a FIFO or a device never blocks or feeds it forever. Messages: a new hash
 * `{id, path, start, end, final}`, `{advance, end, final}` for a growing file, `{cancel}`.
 */
export const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync, fstatSync, constants } = require('node:fs');
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK || 0);
const buffer = Buffer.allocUnsafe(1024 * 1024);
const jobs = new Map();
const turns = [];
let scheduled = false;
function finish(id, message) {
  const job = jobs.get(id);
  if (job === undefined) return;
  jobs.delete(id);
  if (job.fd !== undefined) closeSync(job.fd);
  parentPort.postMessage(Object.assign({ id }, message));
}
function schedule() {
  if (scheduled || turns.length === 0) return;
  scheduled = true;
  setImmediate(step);
}
function step() {
  scheduled = false;
  const id = turns.shift();
  const job = jobs.get(id);
  if (job !== undefined) {
    try {
      const want = Math.min(buffer.length, job.end - job.pos);
      const n = want > 0 ? readSync(job.fd, buffer, 0, want, job.pos) : 0;
      if (n > 0) {
        job.hash.update(buffer.subarray(0, n));
        job.pos += n;
        turns.push(id);
      } else if (want === 0 && !job.final) {
        // a growing file hashed up to its complete prefix: waits for the next advance
      } else if (job.end !== Infinity && job.pos < job.end) {
        finish(id, { error: 'the file ended before byte ' + job.end, code: 'ESHRUNK' });
      } else {
        finish(id, { digest: job.hash.digest('hex') });
      }
    } catch (error) {
      finish(id, { error: String(error && error.message), code: error && error.code });
    }
  }
  schedule();
}
parentPort.on('message', (m) => {
  if (m.cancel !== undefined) return finish(m.cancel, { cancelled: true });
  if (m.advance !== undefined) {
    const job = jobs.get(m.advance);
    if (job === undefined) return;
    job.end = m.end;
    job.final = m.final;
    if (!turns.includes(m.advance)) turns.push(m.advance);
    return schedule();
  }
  const job = { pos: m.start, end: m.end === null ? Infinity : m.end, final: m.final, hash: createHash('md5') };
  jobs.set(m.id, job);
  try {
    job.fd = openSync(m.path, OPEN_FLAGS);
    if (!fstatSync(job.fd).isFile()) return finish(m.id, { error: 'not a regular file', code: 'ENOTREG' });
  } catch (error) {
    return finish(m.id, { error: String(error && error.message), code: error && error.code });
  }
  turns.push(m.id);
  schedule();
});
`;
