/** The fixed names under which the back end keeps secrets in the SecretVault. */
export const SECRET_KEYS = {
  clientSecret: 'pandesk.connection.clientSecret',
  accessToken: 'pandesk.connection.accessToken',
  refreshToken: 'pandesk.connection.refreshToken',
  /** The open-api token store's record (live access token, rotated refresh token). */
  token: 'pandesk.auth.token',
  httpProxyPassword: 'pandesk.proxy.httpProxy.password',
  downloadProxyPassword: 'pandesk.proxy.downloadProxyUrl.password',
  /** The account's direct-link URL-authentication key (reference §8.3). */
  directLinkPrivateKey: 'pandesk.directLink.privateKey',
} as const;

export type SecretKey = keyof typeof SECRET_KEYS;

/**
 * Words for the renderer when there is nowhere to keep secrets, per host: the desktop lacks an
 * OS keychain; the browser host never uses one (it keeps secrets only in a file, and only when
 * started with --store-secrets-in-file), so it must not send the user looking for a keyring.
 */
export function noSecretStorageMessage(host: 'electron' | 'web'): string {
  return host === 'web'
    ? 'The browser host saves no passwords unless it was started with --store-secrets-in-file (which keeps them unencrypted in a file). Choose "Use them only until PanDesk stops" in the connection settings: the client secret and tokens then stay in memory until the host stops, and you will be asked for them again next time. Or keep using the demo drive.'
    : 'This computer offers no secure storage for passwords (the operating system keychain is unavailable), so PanDesk cannot save the client secret, tokens or proxy passwords. Choose "Use them only until PanDesk stops" in the connection settings: they then stay in memory until PanDesk quits, and you will be asked for them again next time. Or set up a keychain (for example GNOME Keyring or KWallet on Linux) and restart PanDesk, or try the demo drive.';
}
