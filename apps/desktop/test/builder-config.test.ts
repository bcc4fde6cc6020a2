import { describe, expect, it } from 'vitest';
import { azureSignOptions, builderConfig, publishConfig } from '../scripts/builder-config.mjs';

describe('release configuration from the environment', () => {
  it('writes no update feed unless one is named', () => {
    expect(publishConfig({})).toBeNull();
    expect(publishConfig({ PANDESK_UPDATE_URL: ' https://dl.example/pandesk/ ' })).toEqual([
      { provider: 'generic', url: 'https://dl.example/pandesk/' },
    ]);
    expect(publishConfig({ PANDESK_UPDATE_GITHUB: 'pandesk/pandesk' })).toEqual([
      { provider: 'github', owner: 'pandesk', repo: 'pandesk', releaseType: 'release' },
    ]);
    expect(() => publishConfig({ PANDESK_UPDATE_GITHUB: 'just-a-name' })).toThrow(/owner\/repo/);
  });

  it('signs Windows builds with Azure Trusted Signing only when the whole account is named', () => {
    expect(azureSignOptions({})).toBeUndefined();
    const all = {
      PANDESK_AZURE_SIGNING_ENDPOINT: 'https://weu.codesigning.azure.net',
      PANDESK_AZURE_SIGNING_ACCOUNT: 'acct',
      PANDESK_AZURE_SIGNING_PROFILE: 'prof',
      PANDESK_AZURE_SIGNING_PUBLISHER: 'PanDesk contributors',
    };
    expect(builderConfig(all).win).toMatchObject({
      azureSignOptions: {
        endpoint: 'https://weu.codesigning.azure.net',
        codeSigningAccountName: 'acct',
        certificateProfileName: 'prof',
        publisherName: 'PanDesk contributors',
      },
    });
    expect(() => azureSignOptions({ PANDESK_AZURE_SIGNING_ACCOUNT: 'acct' })).toThrow(
      /PANDESK_AZURE_SIGNING_ENDPOINT/,
    );
  });
});
