import { describe, expect, it } from 'vitest';
import type { SettingsView } from '../../settings';
import {
  applyConnectionPatch,
  createDefaultSettings,
  EMPTY_CONNECTION,
  SECRET_STORAGE_STATES,
  toConnectionView,
} from '../../settings';
import { applySettingsPatch, connectionPatchSchema, settingsPatchSchema, settingsSchema } from './settings';

const defaults = createDefaultSettings('/home/user/Downloads');

describe('settings', () => {
  it('has defaults that pass the full schema', () => {
    expect(settingsSchema.safeParse(defaults).success).toBe(true);
    expect(defaults).toMatchObject({
      downloadMethod: 'direct',
      conflictDefault: 'keep_both',
      language: 'en',
      theme: 'system',
    });
  });

  it('merges a patch and checks the result as a whole', () => {
    const merged = applySettingsPatch(defaults, { theme: 'dark', uploadSpeedLimit: 512_000 });
    expect(merged).toEqual({ ok: true, value: { ...defaults, theme: 'dark', uploadSpeedLimit: 512_000 } });
  });

  it('ignores keys explicitly set to undefined instead of erasing them', () => {
    const merged = applySettingsPatch(defaults, { theme: undefined });
    expect(merged.ok && merged.value.theme).toBe('system');
  });

  it('checks the view and thumbnail settings, naming the field refused', () => {
    expect(defaults).toMatchObject({
      viewMode: 'list',
      thumbnails: true,
      thumbnailMaxImageMb: 4,
      thumbnailCacheLimitMb: 64,
      thumbnailDailyBudgetMb: 50,
    });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ viewMode: 'tiles' }, 'viewMode', 'settings: viewMode: must be one of list, grid'],
      [{ thumbnails: 'yes' }, 'thumbnails', 'settings: thumbnails: must be true or false'],
      [
        { thumbnailMaxImageMb: 0 },
        'thumbnailMaxImageMb',
        'settings: thumbnailMaxImageMb: must be at least 1',
      ],
      [
        { thumbnailCacheLimitMb: 1.5 },
        'thumbnailCacheLimitMb',
        'settings: thumbnailCacheLimitMb: must be a whole number of MiB',
      ],
      [
        { thumbnailDailyBudgetMb: -1 },
        'thumbnailDailyBudgetMb',
        'settings: thumbnailDailyBudgetMb: must not be negative (0 means no thumbnail traffic)',
      ],
    ];
    for (const [patch, field, message] of cases) {
      const merged = applySettingsPatch(defaults, patch);
      expect(merged.ok, field).toBe(false);
      if (merged.ok) continue;
      expect(merged.error).toMatchObject({ reason: 'invalid_setting', params: { field }, message });
    }
    expect(applySettingsPatch(defaults, { viewMode: 'grid', thumbnailDailyBudgetMb: 0 }).ok).toBe(true);
  });

  it('requires a proxy URL when the download method is proxy_url', () => {
    const merged = applySettingsPatch(defaults, { downloadMethod: 'proxy_url' });
    expect(merged.ok).toBe(false);
    expect(merged.ok ? '' : merged.error.message).toBe(
      'settings: downloadProxyUrl: is required when the download method is proxy_url',
    );
    const fixed = applySettingsPatch(defaults, {
      downloadMethod: 'proxy_url',
      downloadProxyUrl: 'https://proxy.example/dl/',
    });
    expect(fixed.ok).toBe(true);
  });

  it('rejects out-of-range and unknown values with readable messages', () => {
    const bad = settingsPatchSchema.safeParse({
      uploadConcurrency: 0,
      httpProxy: 'socks5://x',
      language: 'fr',
      colour: 'red',
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        'uploadConcurrency: must be at least 1',
        'httpProxy: must be empty or a full http:// or https:// address',
        'language: must be one of en, zh-CN',
      ]),
    );
    expect(bad.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
    expect(settingsPatchSchema.safeParse({ downloadSpeedLimit: 1.5 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ downloadSpeedLimit: -1 }).success).toBe(false);
  });
});

describe('secret storage status', () => {
  it('is encrypted, session-only, or unavailable', () => {
    expect(SECRET_STORAGE_STATES).toEqual(['encrypted', 'session', 'unavailable']);
  });

  it('is part of the settings view and carries no secret', () => {
    const view: SettingsView = {
      ...defaults,
      connection: toConnectionView(EMPTY_CONNECTION),
      secretStorage: 'unavailable',
    };
    expect(SECRET_STORAGE_STATES).toContain(view.secretStorage);
    expect(Object.keys(view)).toContain('secretStorage');
  });
});

describe('connection settings', () => {
  it('reduces stored secrets to presence flags', () => {
    const stored = {
      clientId: 'id',
      clientSecret: 's3cret',
      accessToken: 'tok',
      refreshToken: null,
      rootFolderId: 42,
    };
    const view = toConnectionView(stored);
    expect(view).toEqual({
      clientId: 'id',
      hasClientSecret: true,
      hasAccessToken: true,
      hasRefreshToken: false,
      rootFolderId: 42,
    });
    expect(JSON.stringify(view)).not.toMatch(/s3cret|tok"/);
  });

  it('trims pasted secrets, clears with null, keeps omitted keys', () => {
    const patch = connectionPatchSchema.parse({ clientSecret: '  abc123\n', accessToken: null });
    expect(patch).toEqual({ clientSecret: 'abc123', accessToken: null });
    const before = { ...EMPTY_CONNECTION, clientId: 'id', accessToken: 'old', refreshToken: 'r' };
    expect(applyConnectionPatch(before, patch)).toEqual({
      ...before,
      clientSecret: 'abc123',
      accessToken: null,
    });
  });

  it('rejects secrets with inner spaces without echoing them', () => {
    const parsed = connectionPatchSchema.safeParse({ clientSecret: 'abc def-very-secret' });
    expect(parsed.success).toBe(false);
    const text = JSON.stringify(parsed.error?.issues);
    expect(text).toContain('must not contain spaces');
    expect(text).not.toContain('very-secret');
    expect(connectionPatchSchema.safeParse({ clientSecret: '' }).success).toBe(false);
  });

  it('takes the session-only choice as a boolean, which applying the patch leaves out', () => {
    const patch = connectionPatchSchema.parse({ clientSecret: 'abc123', sessionOnly: true });
    expect(patch.sessionOnly).toBe(true);
    expect(connectionPatchSchema.safeParse({ sessionOnly: 'yes' }).success).toBe(false);
    expect(applyConnectionPatch(EMPTY_CONNECTION, patch)).not.toHaveProperty('sessionOnly');
  });
});
