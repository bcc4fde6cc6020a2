import type { WebCliOptions } from './cli-args';
import { readEnvCredentials } from './cli-args';
import type { WebAppOptions } from './start-web-app';

/** The web app's options from the command line and the environment (`start` and `dev` share them). */
export function webAppOptionsFrom(
  options: WebCliOptions,
  env: Readonly<Record<string, string | undefined>>,
  defaults: { userData: string; staticDir: string },
): WebAppOptions {
  const credentials = readEnvCredentials(env);
  return {
    userData: options.userData ?? defaults.userData,
    staticDir: options.staticDir ?? defaults.staticDir,
    port: options.port,
    storeSecretsInFile: options.storeSecretsInFile,
    ...(options.downloadDir === undefined ? {} : { downloadDir: options.downloadDir }),
    ...(options.apiBaseUrl === undefined ? {} : { apiBaseUrl: options.apiBaseUrl }),
    ...(credentials === undefined ? {} : { credentials }),
    ...(options.fast ? { tuning: { rateLimits: false, retryBaseMs: 50 } } : {}),
  };
}
