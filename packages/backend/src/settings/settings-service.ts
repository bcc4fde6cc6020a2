/**
 * Settings: non-secret values in the SettingsStore, secrets only in the SecretVault (or, where
 * it cannot keep them and the user chose so, in memory until the process ends: session-vault.ts),
 * both loaded once at start and kept in memory. Every change is validated as a whole (contract
 * schemas plus checks only the host can make, like a writable download folder) before
 * anything is saved, and refused with words a person understands.
 */
import { ApiException, applyConnectionPatch, toConnectionView } from '@pandesk/contract';
import { applySettingsPatch, connectionPatchSchema, parseInput } from '@pandesk/contract/server';
import type {
  ConnectionPatch,
  ConnectionSettings,
  Settings,
  SettingsPatch,
  SettingsView,
} from '@pandesk/contract';
import type { SecretVault, SettingsStore } from '../ports';
import { joinUrlPassword, sameProxyIdentity, splitUrlPassword } from './proxy-password';
import { noSecretStorageMessage, SECRET_KEYS } from './secret-keys';
import { createSessionVault } from './session-vault';
import type { SessionVault } from './session-vault';
import { readDocument, toDocument } from './stored-document';
import type { CustomPlace, StoredDocument } from './stored-document';

type ProxyField = 'httpProxy' | 'downloadProxyUrl';
const PROXY_PASSWORD_KEY = {
  httpProxy: SECRET_KEYS.httpProxyPassword,
  downloadProxyUrl: SECRET_KEYS.downloadProxyPassword,
} as const;

interface Secrets {
  clientSecret: string | null;
  accessToken: string | null;
  refreshToken: string | null;
  httpProxy: string | null;
  downloadProxyUrl: string | null;
}

export interface SettingsServiceOptions {
  store: SettingsStore;
  /** The host's vault; the service works through a {@link SessionVault} over it. */
  vault: SecretVault;
  /** Which host: the words for "no secret storage" differ (default electron). */
  host?: 'electron' | 'web';
  defaultDownloadFolder: string;
  /** Throws an ApiException (`invalid_input`) when the folder cannot receive downloads. */
  checkDownloadFolder: (path: string) => Promise<void>;
  /** Learns every secret value so the log can redact it. */
  onSecret: (value: string) => void;
}

export interface SettingsService {
  settings(): Settings;
  /** The stored connection with its secrets (back end only). */
  connection(): ConnectionSettings;
  view(): SettingsView;
  /** The proxy URLs with their passwords, for actual use. */
  effectiveProxy(field: ProxyField): string;
  /** The vault every secret goes through (the token store uses it too). */
  readonly vault: SessionVault;
  /** A secret can be kept now (encrypted, or in memory until the process ends). */
  canKeepSecrets(): boolean;
  /** Why secrets cannot be kept here, and what the user can do, in words. */
  noStorageMessage(): string;
  update(patch: SettingsPatch): Promise<SettingsView>;
  /** Validates, then `accept` (may throw to refuse, e.g. a missing root folder), then saves. */
  setConnection(
    patch: ConnectionPatch,
    accept?: (next: ConnectionSettings) => Promise<void>,
  ): Promise<ConnectionSettings>;
  places(): readonly CustomPlace[];
  setPlaces(places: readonly CustomPlace[]): Promise<void>;
  useDemo(): boolean;
  setUseDemo(on: boolean): Promise<void>;
}

async function loadSecrets(vault: SecretVault): Promise<Secrets> {
  const get = async (key: string): Promise<string | null> => {
    const value = await vault.get(key).catch(() => undefined);
    return value === undefined || value === '' ? null : value;
  };
  return {
    clientSecret: await get(SECRET_KEYS.clientSecret),
    accessToken: await get(SECRET_KEYS.accessToken),
    refreshToken: await get(SECRET_KEYS.refreshToken),
    httpProxy: await get(SECRET_KEYS.httpProxyPassword),
    downloadProxyUrl: await get(SECRET_KEYS.downloadProxyPassword),
  };
}

export async function createSettingsService(options: SettingsServiceOptions): Promise<SettingsService> {
  const { store } = options;
  const vault = createSessionVault(options.vault);
  const noStorageMessage = (): string => noSecretStorageMessage(options.host ?? 'electron');
  let doc: StoredDocument = readDocument(await store.load(), options.defaultDownloadFolder);
  const secrets: Secrets = vault.isEncryptionAvailable()
    ? await loadSecrets(vault)
    : { clientSecret: null, accessToken: null, refreshToken: null, httpProxy: null, downloadProxyUrl: null };
  for (const value of Object.values(secrets)) if (value !== null) options.onSecret(value);

  const save = async (next: StoredDocument): Promise<void> => {
    await store.save(toDocument(next));
    doc = next;
  };

  const writeSecret = async (key: string, value: string | null): Promise<void> => {
    if (value === null) await vault.delete(key);
    else await vault.set(key, value);
  };

  const requireStorage = (): void => {
    if (!vault.isEncryptionAvailable())
      throw ApiException.because('secret_storage_unavailable', noStorageMessage());
  };

  const connection = (): ConnectionSettings => ({
    clientId: doc.connection.clientId,
    clientSecret: secrets.clientSecret,
    accessToken: secrets.accessToken,
    refreshToken: secrets.refreshToken,
    rootFolderId: doc.connection.rootFolderId,
  });

  /** The password to keep for a proxy field after a change, or a fresh one from the new URL. */
  function nextProxyPassword(field: ProxyField, incoming: string): { url: string; password: string | null } {
    const { url, password } = splitUrlPassword(incoming);
    if (password !== null) return { url, password };
    const kept =
      url !== '' && secrets[field] !== null && sameProxyIdentity(url, doc.settings[field])
        ? secrets[field]
        : null;
    return { url, password: kept };
  }

  async function update(patch: SettingsPatch): Promise<SettingsView> {
    const merged = applySettingsPatch(doc.settings, patch);
    if (!merged.ok) throw ApiException.of(merged.error);
    const next = { ...merged.value };
    const passwords: Partial<Record<ProxyField, string | null>> = {};
    for (const field of ['httpProxy', 'downloadProxyUrl'] as const) {
      if (patch[field] === undefined) continue;
      const split = nextProxyPassword(field, next[field]);
      next[field] = split.url;
      passwords[field] = split.password;
      if (split.password !== null && split.password !== secrets[field]) requireStorage();
    }
    if (patch.downloadFolder !== undefined && patch.downloadFolder !== doc.settings.downloadFolder) {
      await options.checkDownloadFolder(next.downloadFolder);
    }
    for (const [field, password] of Object.entries(passwords) as [ProxyField, string | null][]) {
      if (password === secrets[field]) continue;
      await writeSecret(PROXY_PASSWORD_KEY[field], password);
      secrets[field] = password;
      if (password !== null) options.onSecret(password);
    }
    await save({ ...doc, settings: next });
    return view();
  }

  async function setConnection(
    patch: ConnectionPatch,
    accept?: (next: ConnectionSettings) => Promise<void>,
  ): Promise<ConnectionSettings> {
    // Checked here too, for in-process callers that skip the dispatcher's validation.
    const checked = parseInput(connectionPatchSchema, patch, 'settings:setConnection', 'invalid_setting');
    if (!checked.ok) throw ApiException.of(checked.error);
    patch = checked.value;
    const next = applyConnectionPatch(connection(), patch);
    const setsSecret = [patch.clientSecret, patch.accessToken, patch.refreshToken].some(
      (v) => typeof v === 'string',
    );
    const session = patch.sessionOnly === true && vault.storage() !== 'session';
    if (session && vault.storage() === 'encrypted')
      throw ApiException.because(
        'invalid_setting',
        'Secrets are saved in secure storage here; "only until PanDesk stops" is for computers without any.',
        { params: { field: 'sessionOnly' } },
      );
    if (setsSecret && !session) requireStorage();
    for (const value of [next.clientSecret, next.accessToken, next.refreshToken])
      if (value !== null) options.onSecret(value);
    await accept?.(next);
    if (session) vault.useSession();
    for (const field of ['clientSecret', 'accessToken', 'refreshToken'] as const) {
      if (patch[field] === undefined || next[field] === secrets[field]) continue;
      await writeSecret(SECRET_KEYS[field], next[field]);
      secrets[field] = next[field];
    }
    await save({ ...doc, connection: { clientId: next.clientId, rootFolderId: next.rootFolderId } });
    return connection();
  }

  function view(): SettingsView {
    // Asked each time: the OS keyring may come up after start (e.g. unlocked late on Linux).
    const secretStorage = vault.storage();
    return { ...doc.settings, connection: toConnectionView(connection()), secretStorage };
  }

  return {
    settings: () => doc.settings,
    connection,
    view,
    effectiveProxy: (field) => joinUrlPassword(doc.settings[field], secrets[field]),
    vault,
    canKeepSecrets: () => vault.isEncryptionAvailable(),
    noStorageMessage,
    update,
    setConnection,
    places: () => doc.places,
    setPlaces: (places) => save({ ...doc, places: [...places] }),
    useDemo: () => doc.useDemo,
    setUseDemo: (on) => (on === doc.useDemo ? Promise.resolve() : save({ ...doc, useDemo: on })),
  };
}
