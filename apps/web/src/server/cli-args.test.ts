import { describe, expect, it } from 'vitest';
import { parseWebCliArgs, readEnvCredentials } from './cli-args';

describe('parseWebCliArgs', () => {
  it('has safe defaults', () => {
    expect(parseWebCliArgs([])).toEqual({
      port: 0,
      storeSecretsInFile: false,
      fast: false,
      build: true,
      help: false,
    });
  });

  it('reads every option', () => {
    expect(
      parseWebCliArgs([
        '--',
        '--port',
        '8123',
        '--user-data',
        '/u',
        '--download-dir',
        '/d',
        '--api-base-url',
        'http://127.0.0.1:5/',
        '--static',
        '/s',
        '--store-secrets-in-file',
        '--fast',
        '--no-build',
      ]),
    ).toEqual({
      port: 8123,
      userData: '/u',
      downloadDir: '/d',
      apiBaseUrl: 'http://127.0.0.1:5/',
      staticDir: '/s',
      storeSecretsInFile: true,
      fast: true,
      build: false,
      help: false,
    });
    expect(parseWebCliArgs(['--port=8123', '--user-data=/u'])).toMatchObject({ port: 8123, userData: '/u' });
    expect(parseWebCliArgs(['--help']).help).toBe(true);
  });

  it('refuses bad values and unknown options', () => {
    expect(() => parseWebCliArgs(['--port', '70000'])).toThrow('--port');
    expect(() => parseWebCliArgs(['--port', 'x'])).toThrow(
      '--port must be a whole number from 0 to 65535, not "x"',
    );
    expect(() => parseWebCliArgs(['--port'])).toThrow(
      /--port <value>' argument missing[\s\S]*Usage: pandesk-web/,
    );
    expect(() => parseWebCliArgs(['--user-data', '--fast'])).toThrow(/'--user-data' argument is ambiguous/);
    expect(() => parseWebCliArgs(['--api-base-url', 'ftp://x'])).toThrow('http(s)');
    expect(() => parseWebCliArgs(['--client-secret', 'x'])).toThrow(/Unknown option '--client-secret'/);
    expect(() => parseWebCliArgs(['--fast', 'extra'])).toThrow(/Unexpected argument 'extra'/);
  });
});

describe('readEnvCredentials', () => {
  it('needs both id and secret', () => {
    expect(readEnvCredentials({ PANDESK_CLIENT_ID: 'id', PANDESK_CLIENT_SECRET: 's' })).toEqual({
      clientId: 'id',
      clientSecret: 's',
    });
    expect(readEnvCredentials({ PANDESK_CLIENT_ID: 'id' })).toBeUndefined();
    expect(readEnvCredentials({})).toBeUndefined();
  });
});
