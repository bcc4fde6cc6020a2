import * as path from 'node:path';

/**
 * What happens when the app cannot start: before the back end exists there is no log file, and
 * an installed app has no console, so an error written only to stderr would leave the user with
 * nothing. The failure is written to `startup-error.log` in the logs folder and shown in an
 * error box that names that file, then the app exits with status 1.
 *
 * The text is redacted like the back end's log: URL query strings (signed links), bearer
 * tokens and `user:password@` in URLs are cut before anything is written or shown.
 */

export interface StartupFailureDeps {
  /** The logs folder, or undefined when even that is unknown. */
  readonly logsDir: () => string | undefined;
  readonly writeFile: (file: string, text: string) => void;
  readonly showErrorBox: (title: string, content: string) => void;
  readonly exit: (code: number) => void;
  readonly now: () => Date;
  readonly text: { readonly startFailedTitle: string; readonly detailsSavedTo: string };
}

export const STARTUP_LOG = 'startup-error.log';

export function redactStartupText(text: string): string {
  return text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1***@')
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#]*)\?[^\s#]*/gi, '$1?***')
    .replace(/\bBearer\s+[\w.~+/-]+=*/gi, 'Bearer ***');
}

function describe(error: unknown): { message: string; detail: string } {
  if (error instanceof Error) {
    return { message: error.message, detail: error.stack ?? `${error.name}: ${error.message}` };
  }
  return { message: String(error), detail: String(error) };
}

/** Records the failure where the user can find it, tells them, and exits. Never throws. */
export function reportStartupFailure(deps: StartupFailureDeps, error: unknown, context: string): void {
  const { message, detail } = describe(error);
  let written: string | undefined;
  try {
    const dir = deps.logsDir();
    if (dir !== undefined) {
      const file = path.join(dir, STARTUP_LOG);
      deps.writeFile(file, redactStartupText(`${deps.now().toISOString()} ${context}\n${detail}\n`));
      written = file;
    }
  } catch {
    // Nowhere to write (read-only profile, missing folder): the box below still tells the user.
  }
  const where = written === undefined ? '' : `\n\n${deps.text.detailsSavedTo} ${written}`;
  try {
    deps.showErrorBox(deps.text.startFailedTitle, `${redactStartupText(message)}${where}`);
  } finally {
    deps.exit(1);
  }
}
