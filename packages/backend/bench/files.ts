/** Files of the benchmark: random content with its MD5, a read to warm the page cache, a sink. */
import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';

const MiB = 1024 * 1024;

export async function writeRandomFile(path: string, size: number): Promise<string> {
  const out = createWriteStream(path);
  const hash = createHash('md5');
  const chunk = Buffer.alloc(4 * MiB);
  for (let done = 0; done < size; done += chunk.length) {
    randomFillSync(chunk);
    const piece = chunk.subarray(0, Math.min(chunk.length, size - done));
    hash.update(piece);
    if (!out.write(Buffer.from(piece))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r, j) => {
    out.once('error', j);
    out.end(() => r());
  });
  return hash.digest('hex');
}

/** Reads the file once so both sides start with it in the page cache. */
export async function warm(path: string): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 * MiB })) void chunk;
}

/** Reads and drops request bodies, in its own process: curl's upload target for `sink_ratio`. */
const SINK_SOURCE = `
const server = require('node:http').createServer((req, res) => {
  req.on('data', () => undefined);
  req.on('end', () => res.end('ok'));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

/** The sink's URL; `close` resolves once the process has ended (its CPU time then counted). */
export function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['-e', SINK_SOURCE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ended = new Promise<void>((resolveEnd) => child.once('exit', () => resolveEnd()));
  return new Promise((resolveStart, reject) => {
    child.stdout.once('data', (d: Buffer) =>
      resolveStart({
        url: `http://127.0.0.1:${d.toString().trim()}/`,
        close: () => {
          child.kill('SIGTERM');
          return ended;
        },
      }),
    );
    child.once('exit', (code) => reject(new Error(`sink exited (${code})`)));
  });
}
