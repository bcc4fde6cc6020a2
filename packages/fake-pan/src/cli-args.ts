/** Command-line parsing for `src/cli.ts` (kept apart so tests can import it without starting a server). */
import { parseArgs } from 'node:util';
import type { FakePanOptions } from './options';

export const USAGE = `Usage: fake-pan [options]
  --port N           API port on the host (default: a free port)
  --host ADDRESS     interface to bind (default: 127.0.0.1)
  --data-dir DIR     keep the drive, tokens and credentials here across restarts
  --seed demo|none   build the demo drive when the drive is empty (default: none)
  --vip              the user is VIP (VIP rate limits)
Values may follow their option (--port 8123) or be joined to it (--port=8123).`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  seed: { type: 'string' },
  vip: { type: 'boolean' },
} as const;

/** Reads the command line; throws an Error whose message says what is wrong, then the usage. */
export function parseCliArgs(argv: readonly string[]): FakePanOptions {
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const options: FakePanOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535)
      throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}"\n${USAGE}`);
    options.port = port;
  }
  if (values.host !== undefined) options.host = values.host;
  if (values['data-dir'] !== undefined) options.dataDir = values['data-dir'];
  if (values.seed !== undefined) {
    if (values.seed !== 'demo' && values.seed !== 'none')
      throw new Error(`--seed must be demo or none, not "${values.seed}"\n${USAGE}`);
    options.seed = values.seed;
  }
  if (values.vip === true) options.vip = true;
  return options;
}
