import type { NativeText } from './native-text';

/**
 * Explains a start without Chromium's sandbox. On Linux the sandbox needs either a user
 * namespace or the SUID helper `chrome-sandbox`. An AppImage cannot carry a SUID helper (its
 * files are mounted nosuid), and Ubuntu 23.10+ lets only programs with an AppArmor profile create
 * user namespaces, so there electron-builder's AppImage launcher starts PanDesk with
 * `--no-sandbox` (it tries `unshare -Ur true` first and adds the switch only when that fails).
 * The .deb installs both the SUID helper and an AppArmor profile and never needs it.
 *
 * The user is told once per profile, with the ways to get the sandbox back; the log says it on
 * every start.
 */

export const SANDBOX_NOTICE_ID = 'linux-no-sandbox';

export interface SandboxFacts {
  readonly platform: string;
  /** `app.commandLine.hasSwitch('no-sandbox')`. */
  readonly noSandbox: boolean;
  /** `process.env.APPIMAGE`: the path of the running AppImage, when it is one. */
  readonly appImage: string | undefined;
}

export interface SandboxNotice {
  readonly id: string;
  readonly title: string;
  readonly detail: string;
  /** One line for the log. */
  readonly logLine: string;
}

export function sandboxNotice(facts: SandboxFacts, text: NativeText): SandboxNotice | undefined {
  if (facts.platform !== 'linux' || !facts.noSandbox) return undefined;
  const appImage = facts.appImage !== undefined && facts.appImage !== '';
  return {
    id: SANDBOX_NOTICE_ID,
    title: text.sandboxTitle,
    detail: [appImage ? text.sandboxAppImage : text.sandboxFlag, text.sandboxWhy, text.sandboxFix].join(
      '\n\n',
    ),
    logLine: appImage
      ? 'running without the Chromium sandbox: the AppImage launcher could not create a user namespace'
      : 'running without the Chromium sandbox (--no-sandbox)',
  };
}
