import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('reads every option, with values after the option or joined by =', () => {
    expect(
      parseCliArgs(['--port', '0', '--data-dir', '/d', '--seed', 'demo', '--vip', '--host', '::1']),
    ).toEqual({ port: 0, dataDir: '/d', seed: 'demo', vip: true, host: '::1' });
    expect(parseCliArgs(['--port=8123', '--data-dir=/my dir'])).toEqual({ port: 8123, dataDir: '/my dir' });
    expect(parseCliArgs(['--port', '8123'])).toEqual({ port: 8123 });
    expect(parseCliArgs([])).toEqual({});
    expect(parseCliArgs(['--', '--vip'])).toEqual({ vip: true });
  });

  it('refuses an option whose value is missing or looks like another option', () => {
    expect(() => parseCliArgs(['--data-dir', '--vip'])).toThrow(
      /--data-dir' argument is ambiguous[\s\S]*Usage: fake-pan/,
    );
    expect(() => parseCliArgs(['--port'])).toThrow(/--port <value>' argument missing/);
  });

  it('refuses unknown options, stray words and bad values, saying which', () => {
    expect(() => parseCliArgs(['--what'])).toThrow(/Unknown option '--what'[\s\S]*Usage: fake-pan/);
    expect(() => parseCliArgs(['demo'])).toThrow(/Unexpected argument 'demo'/);
    expect(() => parseCliArgs(['--vip=yes'])).toThrow(/'--vip' does not take an argument/);
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(
      '--port must be a whole number from 0 to 65535, not "x"',
    );
    expect(() => parseCliArgs(['--port=-1'])).toThrow('--port must be a whole number');
    expect(() => parseCliArgs(['--port', '70000'])).toThrow('--port must be a whole number');
    expect(() => parseCliArgs(['--seed', 'huge'])).toThrow('--seed must be demo or none, not "huge"');
  });
});
