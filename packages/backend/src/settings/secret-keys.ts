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

/** Words for the renderer when the OS cannot encrypt secrets. */
export const NO_ENCRYPTION_MESSAGE =
  'This computer offers no secure storage for passwords (the operating system keychain is unavailable), so PanDesk will not save the client secret, tokens or proxy passwords. Set up a keychain (for example GNOME Keyring or KWallet on Linux) and restart PanDesk, or try the demo drive.';
