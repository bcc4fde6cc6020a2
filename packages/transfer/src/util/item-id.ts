/**
 * Item ids that sort by creation time (time, then a counter, then randomness), so journal
 * inserts append to the id index instead of landing at random pages: a 100,000-file batch
 * enqueues several times faster than with random UUIDs. Still unique across processes.
 */
import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let counter = 0;
/** Random bytes drawn in bulk: one crypto call per 512 ids instead of two per id. */
const pool = Buffer.alloc(7 * 512);
let poolAt = pool.length;

function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += bytes;
  return pool.toString('hex', poolAt - bytes, poolAt);
}

export function newItemId(now = Date.now()): string {
  if (now === lastMs) counter++;
  else {
    lastMs = now;
    counter = 0;
  }
  const time = now.toString(16).padStart(12, '0');
  const count = counter.toString(16).padStart(6, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-${count.slice(0, 4)}-${count.slice(4)}${randomHex(1)}-${randomHex(6)}`;
}
