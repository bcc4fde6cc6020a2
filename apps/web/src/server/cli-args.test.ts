import { describe, expect, it } from 'vitest';
import { parseWebCliArgs, readEnvCredentials } from './cli-args';

describe('parseWebCliArgs', () => {
  it('has safe defaults', () => {
    expect(parseWebCliArgs([])).toEqual({ port: 0, storeSecretsInFile: false, fast: false, build: true });
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
    });
  });

  it('refuses bad values and unknown options', () => {
    expect(() => parseWebCliArgs(['--port', '70000'])).toThrow('--port');
    expect(() => parseWebCliArgs(['--port'])).toThrow('needs a value');
    expect(() => parseWebCliArgs(['--api-base-url', 'ftp://x'])).toThrow('http(s)');
    expect(() => parseWebCliArgs(['--client-secret', 'x'])).toThrow('unknown argument');
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
