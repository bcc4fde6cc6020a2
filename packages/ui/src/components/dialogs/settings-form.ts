import type { ConnectionPatch, SettingsPatch, SettingsView } from '@pandesk/contract';

export type SecretKey = 'clientSecret' | 'accessToken' | 'refreshToken';
export const SECRET_KEYS: readonly SecretKey[] = ['clientSecret', 'accessToken', 'refreshToken'];

/**
 * The settings dialog's editable state. Secrets start empty and are never filled from the back
 * end (it does not send them): typing sets a new value, `clear` forgets the stored one.
 */
export interface SettingsForm {
  clientId: string;
  rootFolderId: string;
  secrets: Record<SecretKey, string>;
  clear: Record<SecretKey, boolean>;
  /** Without secret storage: the user chose to use the secrets only until the app stops. */
  sessionOnly: boolean;
  downloadFolder: string;
  downloadMethod: SettingsView['downloadMethod'];
  downloadProxyUrl: string;
  httpProxy: string;
  uploadConcurrency: string;
  downloadConcurrency: string;
  /** KB/s as typed; 0 = unlimited. */
  uploadSpeedLimit: string;
  downloadSpeedLimit: string;
  conflictDefault: SettingsView['conflictDefault'];
  language: SettingsView['language'];
  theme: SettingsView['theme'];
  keepAwake: boolean;
  /** MiB as typed. */
  openCacheLimitMb: string;
  thumbnails: boolean;
  /** MiB as typed. */
  thumbnailMaxImageMb: string;
  thumbnailCacheLimitMb: string;
  thumbnailDailyBudgetMb: string;
}

export function formFromSettings(s: SettingsView): SettingsForm {
  return {
    clientId: s.connection.clientId,
    rootFolderId: String(s.connection.rootFolderId),
    secrets: { clientSecret: '', accessToken: '', refreshToken: '' },
    clear: { clientSecret: false, accessToken: false, refreshToken: false },
    sessionOnly: false,
    downloadFolder: s.downloadFolder,
    downloadMethod: s.downloadMethod,
    downloadProxyUrl: s.downloadProxyUrl,
    httpProxy: s.httpProxy,
    uploadConcurrency: String(s.uploadConcurrency),
    downloadConcurrency: String(s.downloadConcurrency),
    uploadSpeedLimit: String(Math.round(s.uploadSpeedLimit / 1024)),
    downloadSpeedLimit: String(Math.round(s.downloadSpeedLimit / 1024)),
    conflictDefault: s.conflictDefault,
    language: s.language,
    theme: s.theme,
    keepAwake: s.keepAwake,
    openCacheLimitMb: String(s.openCacheLimitMb),
    thumbnails: s.thumbnails,
    thumbnailMaxImageMb: String(s.thumbnailMaxImageMb),
    thumbnailCacheLimitMb: String(s.thumbnailCacheLimitMb),
    thumbnailDailyBudgetMb: String(s.thumbnailDailyBudgetMb),
  };
}

const WHOLE = /^\d+$/;

/** The field whose number does not parse, or null. */
export function invalidNumberField(form: SettingsForm): keyof SettingsForm | null {
  const fields = [
    'rootFolderId',
    'uploadConcurrency',
    'downloadConcurrency',
    'uploadSpeedLimit',
    'downloadSpeedLimit',
    'openCacheLimitMb',
    'thumbnailMaxImageMb',
    'thumbnailCacheLimitMb',
    'thumbnailDailyBudgetMb',
  ] as const;
  return fields.find((f) => !WHOLE.test(form[f].trim())) ?? null;
}

/** Only what changed: untouched secrets are omitted, so saving never clears them by accident. */
export function connectionPatch(form: SettingsForm, current: SettingsView): ConnectionPatch {
  const patch: { -readonly [K in keyof ConnectionPatch]: ConnectionPatch[K] } = {};
  if (form.clientId.trim() !== current.connection.clientId) patch.clientId = form.clientId.trim();
  const root = Number(form.rootFolderId.trim());
  if (root !== current.connection.rootFolderId) patch.rootFolderId = root;
  for (const key of SECRET_KEYS) {
    const typed = form.secrets[key].trim();
    if (typed) patch[key] = typed;
    else if (form.clear[key]) patch[key] = null;
  }
  if (form.sessionOnly && current.secretStorage === 'unavailable' && Object.keys(patch).length > 0)
    patch.sessionOnly = true;
  return patch;
}

export function settingsPatch(form: SettingsForm, current: SettingsView): SettingsPatch {
  const next: SettingsPatch = {
    downloadFolder: form.downloadFolder.trim(),
    downloadMethod: form.downloadMethod,
    downloadProxyUrl: form.downloadProxyUrl.trim(),
    httpProxy: form.httpProxy.trim(),
    uploadConcurrency: Number(form.uploadConcurrency),
    downloadConcurrency: Number(form.downloadConcurrency),
    uploadSpeedLimit: Number(form.uploadSpeedLimit) * 1024,
    downloadSpeedLimit: Number(form.downloadSpeedLimit) * 1024,
    conflictDefault: form.conflictDefault,
    language: form.language,
    theme: form.theme,
    keepAwake: form.keepAwake,
    openCacheLimitMb: Number(form.openCacheLimitMb),
    thumbnails: form.thumbnails,
    thumbnailMaxImageMb: Number(form.thumbnailMaxImageMb),
    thumbnailCacheLimitMb: Number(form.thumbnailCacheLimitMb),
    thumbnailDailyBudgetMb: Number(form.thumbnailDailyBudgetMb),
  };
  const changed = Object.entries(next).filter(([key, value]) => current[key as keyof SettingsView] !== value);
  return Object.fromEntries(changed) as SettingsPatch;
}
