// electron-builder's configuration as a pure function of the environment, so the packaging test
// reads the very object `pnpm dist` uses, with and without the release variables.
//
// Installers: NSIS (Windows), DMG + ZIP (macOS; the ZIP is what the updater applies), deb as the
// primary Linux package plus an AppImage (`pnpm dist:rpm` adds an rpm where rpmbuild exists).
// The main bundle carries every dependency (vite.main.config.ts), so the package holds the built
// output only; `dist/` is the app directory and its package.json (scripts/build.mjs) has no
// dependencies. The Secret Service binding (a Node-API library) sits in dist/main/native and is
// kept outside the asar, where a native library must be to load.
import { readFileSync } from 'node:fs';

export const identity = JSON.parse(readFileSync(new URL('../app-identity.json', import.meta.url), 'utf8'));

/**
 * electron-builder's own deb dependencies (FpmTarget.getDefaultDepends in app-builder-lib 26),
 * which a `depends` entry replaces rather than extends, so they are all repeated here.
 */
export const BUILDER_DEFAULT_DEB_DEPENDS = [
  'libgtk-3-0',
  'libnotify4',
  'libnss3',
  'libxss1',
  'libxtst6',
  'xdg-utils',
  'libatspi2.0-0',
  'libuuid1',
  'libsecret-1-0',
];

/** Chromium loads these too (GPU buffers, audio output); minimal installs may lack them. */
const CHROMIUM_DEB_DEPENDS = ['libgbm1', 'libasound2'];

const BUILDER_DEFAULT_RPM_DEPENDS = [
  'gtk3',
  'libnotify',
  'nss',
  'libXScrnSaver',
  '(libXtst or libXtst6)',
  'xdg-utils',
  'at-spi2-core',
  '(libuuid or libuuid1)',
];

/**
 * Electron's fuses, flipped in the packaged binary before signing: no running as plain Node
 * (ELECTRON_RUN_AS_NODE), no NODE_OPTIONS, no --inspect; the app loads only from its asar, whose
 * integrity is checked where Electron supports it (macOS, Windows); no extra file:// powers
 * (the renderer is served from pandesk://).
 */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

const nonEmpty = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * Where installed copies look for updates: a plain HTTPS folder (`PANDESK_UPDATE_URL`) or a
 * GitHub repository's releases (`PANDESK_UPDATE_GITHUB=owner/repo`). Neither set: no update feed
 * is written into the package and the app never checks.
 */
export function publishConfig(env) {
  if (nonEmpty(env.PANDESK_UPDATE_URL)) return [{ provider: 'generic', url: env.PANDESK_UPDATE_URL.trim() }];
  if (nonEmpty(env.PANDESK_UPDATE_GITHUB)) {
    const [owner, repo, ...rest] = env.PANDESK_UPDATE_GITHUB.trim().split('/');
    if (!nonEmpty(owner) || !nonEmpty(repo) || rest.length > 0)
      throw new Error('PANDESK_UPDATE_GITHUB must look like owner/repo.');
    return [{ provider: 'github', owner, repo, releaseType: 'release' }];
  }
  return null;
}

const AZURE_VARIABLES = {
  endpoint: 'PANDESK_AZURE_SIGNING_ENDPOINT',
  codeSigningAccountName: 'PANDESK_AZURE_SIGNING_ACCOUNT',
  certificateProfileName: 'PANDESK_AZURE_SIGNING_PROFILE',
  publisherName: 'PANDESK_AZURE_SIGNING_PUBLISHER',
};

/**
 * Windows signing. A certificate file (`CSC_LINK` + `CSC_KEY_PASSWORD`, or the `WIN_` ones) is
 * picked up by electron-builder by itself; Azure Trusted Signing needs its account named here
 * (credentials come from `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET`).
 */
export function azureSignOptions(env) {
  const given = Object.entries(AZURE_VARIABLES).filter(([, name]) => nonEmpty(env[name]));
  if (given.length === 0) return undefined;
  if (given.length < Object.keys(AZURE_VARIABLES).length) {
    const missing = Object.values(AZURE_VARIABLES).filter((name) => !nonEmpty(env[name]));
    throw new Error(`Azure Trusted Signing needs ${missing.join(', ')} as well.`);
  }
  return Object.fromEntries(given.map(([key, name]) => [key, env[name].trim()]));
}

export function builderConfig(env) {
  const azure = azureSignOptions(env);
  return {
    appId: identity.appId,
    productName: identity.productName,
    copyright: 'Copyright © PanDesk contributors',
    directories: { output: 'release', buildResources: 'build', app: 'dist' },
    files: ['**/*', '!**/*.map'],
    asar: true,
    asarUnpack: ['main/native/**'],
    // No node_modules to collect or rebuild (see scripts/before-build.cjs).
    beforeBuild: 'scripts/before-build.cjs',
    nodeGypRebuild: false,
    electronVersion: '45.5.0',
    electronFuses: FUSES,
    publish: publishConfig(env),
    win: {
      target: ['nsis'],
      icon: 'build/icon.ico',
      ...(azure === undefined ? {} : { azureSignOptions: azure }),
    },
    nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
    mac: {
      target: ['dmg', 'zip'],
      category: 'public.app-category.productivity',
      icon: 'build/icon.icns',
      // Signing: CSC_LINK + CSC_KEY_PASSWORD (or a Developer ID in the keychain). Notarization
      // runs when APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or APPLE_API_KEY +
      // APPLE_API_KEY_ID + APPLE_API_ISSUER, are set; electron-builder reads them itself.
      hardenedRuntime: true,
    },
    linux: {
      target: ['deb', 'AppImage'],
      executableName: identity.executableName,
      // The .desktop file is named after desktopName, which is also Electron's Wayland app id
      // and the window class, so the running window belongs to the launcher entry.
      syncDesktopName: true,
      category: 'Utility',
      icon: 'build/icons',
      synopsis: 'Desktop file manager for 123 Cloud Drive',
      maintainer: 'PanDesk contributors <pandesk@users.noreply.github.com>',
    },
    deb: { depends: [...BUILDER_DEFAULT_DEB_DEPENDS, ...CHROMIUM_DEB_DEPENDS] },
    rpm: { depends: [...BUILDER_DEFAULT_RPM_DEPENDS, 'mesa-libgbm', 'alsa-lib', 'libsecret'] },
    // electron-builder's AppImage launcher starts the app with --no-sandbox only where a user
    // namespace cannot be created (the kernel or AppArmor forbids it); the menu entry must not
    // force it for everyone, which is electron-builder's default.
    appImage: { executableArgs: [] },
  };
}
