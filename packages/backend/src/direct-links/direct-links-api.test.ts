import type { AccountInfo, AuthStatus } from '@pandesk/contract';
import type { PanClient } from '@pandesk/open-api';
import { describe, expect, it } from 'vitest';
import { createCloudRun } from '../cloud/cloud-errors';
import { createDirectLinksApi, hasDirectLinkBenefit } from './direct-links-api';
import type { DirectLinkStore } from './direct-link-store';

const account = (vipLevel: number, developer: boolean): AccountInfo => ({
  name: 'x',
  vipLevel,
  developer,
  quota: { usedBytes: 0, totalBytes: 1 },
});

describe('the direct-link benefit', () => {
  it('needs VIP or developer benefits once the account is known', () => {
    expect(hasDirectLinkBenefit({ state: 'signed_in', account: account(0, false) })).toBe(false);
    expect(hasDirectLinkBenefit({ state: 'signed_in', account: account(1, false) })).toBe(true);
    expect(hasDirectLinkBenefit({ state: 'demo', account: account(0, true) })).toBe(true);
    expect(hasDirectLinkBenefit({ state: 'connecting' })).toBe(true);
  });

  it('refuses before asking the service when the account has neither', async () => {
    const calls: string[] = [];
    const client = {
      directLinks: {
        enable: async () => void calls.push('enable'),
        url: async () => (calls.push('url'), 'https://cdn/x'),
      },
    } as unknown as PanClient;
    const store: DirectLinkStore = {
      folders: async () => [],
      setEnabled: async () => undefined,
      signedLinkMinutes: async () => 60,
      setSignedLinkMinutes: async () => undefined,
    };
    const status: AuthStatus = { state: 'signed_in', account: account(0, false) };
    const api = createDirectLinksApi({
      client: () => client,
      identity: async () => ({ key: '1', uid: 1 }),
      status: () => status,
      key: { value: () => null, set: async () => undefined },
      store,
      clock: { now: () => 0 },
      run: createCloudRun(() => undefined),
    });
    await expect(api.enable({ folderId: 5 })).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringContaining('VIP or developer'),
    });
    await expect(api.url({ fileId: 6 })).rejects.toMatchObject({ code: 'unsupported' });
    expect(calls).toEqual([]);
  });
});
