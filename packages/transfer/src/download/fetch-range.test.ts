/**
 * A download connection on which nothing arrives is given up after `stallTimeoutMs` and the
 * segment fetched again, so a silently lost network never leaves a download hanging.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@pandesk/contract/testing';
import type { Harness } from '../testing/harness';
import { createHarness } from '../testing/harness';

const KiB = 1024;
let h: Harness;
afterEach(async () => h?.cleanup());

describe('stalled download connections', () => {
  it('drops a connection silent for stallTimeoutMs and fetches the segment again', async () => {
    const clock = createManualClock();
    let calls = 0;
    h = createHarness({
      clock,
      engine: {
        tuning: { segmentSize: 256 * KiB, singleUploadMaxBytes: 0, stallTimeoutMs: 30_000 },
        // The first answer sends its headers, then nothing, until the engine hangs up.
        fetch: async (url, init) => {
          if (++calls > 1) return h.drive.fetch(url, init);
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              init.signal.addEventListener('abort', () => controller.error(init.signal.reason), {
                once: true,
              });
            },
          });
          return new Response(body, { status: 206 });
        },
      },
    });
    const bytes = new Uint8Array(200 * KiB).map((_, i) => i % 13);
    const remote = h.drive.addFile(0, 'quiet.bin', bytes);
    h.engine.start();
    await h.engine.download({
      sources: [{ ...remote, type: 'file' }],
      localDir: join(h.dir, 'out'),
      conflict: 'keep_both',
    });
    await h.waitFor(() => calls === 1, 'the first request');
    await clock.advance(29_000);
    expect(calls).toBe(1);
    expect(h.items()[0]?.state).toBe('running');
    await clock.advance(1000); // 30 s without a byte: the connection is given up
    expect(h.items()[0]).toMatchObject({ state: 'running', phase: 'waiting_network' });
    await clock.advance(1000); // the retry's backoff
    await h.waitFor(() => h.items()[0]?.state === 'completed', 'the download');
    expect(h.items()[0]).toMatchObject({ state: 'completed', error: null });
    expect(calls).toBe(2);
    expect(Buffer.from(bytes).equals(readFileSync(join(h.dir, 'out', 'quiet.bin')))).toBe(true);
  });
});
