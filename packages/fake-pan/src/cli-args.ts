/** Command-line parsing for `src/cli.ts` (kept apart so tests can import it without starting a server). */
import type { FakePanOptions } from './options';

export function parseCliArgs(argv: readonly string[]): FakePanOptions {
  const options: FakePanOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--data-dir') options.dataDir = value();
    else if (arg === '--seed') {
      const seed = value();
      if (seed !== 'demo' && seed !== 'none') throw new Error(`unknown seed ${seed}`);
      options.seed = seed;
    } else if (arg === '--vip') options.vip = true;
    else if (arg === '--host') options.host = value();
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port >= 0)) {
    throw new Error('--port must be a non-negative integer');
  }
  return options;
}
