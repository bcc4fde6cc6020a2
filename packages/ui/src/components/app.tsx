import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { PanDeskBridge } from '@pandesk/contract';
import { AppContext, useSlice } from '../context';
import { connectContext, createAppContext } from '../create-context';
import type { HostAdapter } from '../host';
import { createI18n } from '../i18n/create-i18n';
import { waitingForService } from '../lib/auth-state';
import { Shell } from './shell';
import { LoadScreen } from './load-screen';

export interface AppProps {
  bridge: PanDeskBridge;
  host: HostAdapter;
  /** A ready i18next instance; default: a fresh one that follows the language setting. */
  i18n?: I18n;
}

/** The whole renderer: builds its stores once, loads the session, then shows the file manager. */
export function App({ bridge, host, i18n: given }: AppProps) {
  const [i18n] = useState(() => given ?? createI18n());
  const [ctx] = useState(() => createAppContext(bridge, host, i18n));
  const loaded = useSlice(ctx.session, (s) => s.loaded);
  const language = useSlice(ctx.session, (s) => s.settings?.language);
  const rootFolderId = useSlice(ctx.session, (s) => s.settings?.connection.rootFolderId);
  // A usable drive is browsed; while waiting for the service, the root's last listing (offline).
  const driveKey = useSlice(ctx.session, (s) =>
    s.auth?.state === 'signed_in' || s.auth?.state === 'demo'
      ? s.auth.state
      : waitingForService(s.auth)
        ? 'offline'
        : 'none',
  );

  useEffect(() => {
    const off = connectContext(ctx);
    void ctx.session
      .getState()
      .load()
      .then(() => ctx.transfers.getState().load());
    return off;
  }, [ctx]);

  useEffect(() => {
    if (language !== undefined && i18n.language !== language) void i18n.changeLanguage(language);
  }, [i18n, language]);

  // A new root, or a different drive (demo ↔ real account, signed back in): start browsing afresh.
  // No drive (signed out, credentials refused): nothing of the previous drive stays on screen.
  useEffect(() => {
    if (!loaded || rootFolderId === undefined) return;
    if (driveKey === 'none') {
      ctx.browser.getState().reset();
      ctx.tree.getState().clear();
      return;
    }
    ctx.browser.getState().setRoot(rootFolderId);
    ctx.tree.getState().reset(rootFolderId, '');
    if (rootFolderId === 0) return;
    let current = true;
    void bridge.files.detail({ id: rootFolderId }).then((found) => {
      if (current && found.ok) ctx.browser.getState().setRootName(found.value.name);
    });
    return () => {
      current = false;
    };
  }, [ctx, bridge, loaded, rootFolderId, driveKey]);

  return (
    <I18nextProvider i18n={i18n}>
      <AppContext.Provider value={ctx}>{loaded ? <Shell /> : <LoadScreen />}</AppContext.Provider>
    </I18nextProvider>
  );
}
