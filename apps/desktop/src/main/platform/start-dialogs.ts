/**
 * The two things start-up may have to ask or tell in a native dialog before the window is of
 * use: whether to try reading a stored secret again (a "Deny" in the keychain, a locked
 * keyring), and, once per profile, that Chromium's sandbox is off.
 */
import { app, dialog, safeStorage } from 'electron';
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { createSecretServiceStore, loadKeyringBinding } from '../adapters/secret-service';
import { openDesktopVault } from '../adapters/secret-vault';
import type { DesktopVault, UnreadableChoice } from '../adapters/secret-vault';
import type { AppStore } from '../store/app-store';
import type { NativeText } from './native-text';
import { sandboxNotice } from './sandbox-notice';

export interface StartDialogDeps {
  readonly store: AppStore;
  /** The words in the current language (read at each use: the language may change). */
  readonly text: () => NativeText;
  /** The window to attach a dialog to, when one is open. */
  readonly window: () => BrowserWindow | undefined;
  readonly log: (error: unknown, context: string) => void;
}

function showMessage(deps: StartDialogDeps, options: MessageBoxOptions): Promise<MessageBoxReturnValue> {
  const win = deps.window();
  return win === undefined ? dialog.showMessageBox(options) : dialog.showMessageBox(win, options);
}

/** Asks whether to try reading a secret again; after one "continue" it stops asking this run. */
function unlockPrompt(deps: StartDialogDeps): (key: string, reason: string) => Promise<UnreadableChoice> {
  let keepAll = false;
  return async (key, reason) => {
    deps.log(new Error(`the stored secret ${key} could not be read: ${reason}`), 'vault');
    if (keepAll) return 'keep';
    const text = deps.text();
    const { response } = await showMessage(deps, {
      type: 'warning',
      buttons: [text.tryAgain, text.continueWithout],
      defaultId: 0,
      cancelId: 1,
      message: text.unlockTitle,
      detail: text.unlockDetail.replace('{reason}', reason),
    });
    if (response === 0) return 'retry';
    keepAll = true;
    return 'keep';
  };
}

/** The secret vault: the OS keychain, or the Secret Service found through the native binding in `nativeDir`. */
export function openVault(deps: StartDialogDeps, nativeDir: string): Promise<DesktopVault> {
  const profile = app.getPath('userData');
  return openDesktopVault({
    safeStorage,
    store: { read: deps.store.readSecrets, write: deps.store.writeSecrets },
    platform: process.platform,
    secretService: () => {
      const binding = loadKeyringBinding(nativeDir, process.platform, process.arch, (note) =>
        deps.log(new Error(note), 'vault'),
      );
      return binding === undefined ? undefined : createSecretServiceStore(binding, profile);
    },
    onUnreadable: unlockPrompt(deps),
    onNote: (note) => deps.log(new Error(note), 'vault'),
  });
}

/** Tells the user once per profile when Chromium's sandbox is off; the log says it every time. */
export function explainSandbox(deps: StartDialogDeps): void {
  const text = deps.text();
  const notice = sandboxNotice(
    {
      platform: process.platform,
      noSandbox: app.commandLine.hasSwitch('no-sandbox'),
      appImage: process.env.APPIMAGE,
    },
    text,
  );
  if (notice === undefined) return;
  deps.log(new Error(notice.logLine), 'sandbox');
  const shown = deps.store.readNoticesShown();
  if (shown.includes(notice.id)) return;
  deps.store.writeNoticesShown([...shown, notice.id]);
  showMessage(deps, { type: 'info', buttons: [text.ok], message: notice.title, detail: notice.detail }).catch(
    (error: unknown) => deps.log(error, 'sandbox notice'),
  );
}
