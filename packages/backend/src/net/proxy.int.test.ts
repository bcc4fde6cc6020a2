import { unwrap } from '@pandesk/contract';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { disposeDemoTemplate, startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import { startTestProxy } from './test-proxy';
import type { TestProxy } from './test-proxy';

let h: Harness | undefined;
let proxy: TestProxy | undefined;
afterEach(async () => {
  await h?.close();
  await proxy?.close();
  h = undefined;
  proxy = undefined;
});
afterAll(() => disposeDemoTemplate());

describe('HTTP(S) proxy without a host hook (undici ProxyAgent)', () => {
  it('sends API calls through the proxy while set, and directly again once cleared', async () => {
    proxy = await startTestProxy();
    h = await startHarness();
    unwrap(await h.client.files.list({ folderId: 0 }));
    expect(proxy.uses).toBe(0);

    unwrap(await h.client.settings.update({ httpProxy: proxy.url }));
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'via proxy' }));
    expect(proxy.uses).toBeGreaterThan(0);
    const before = proxy.bytesIn;
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'via proxy 2' }));
    expect(proxy.bytesIn).toBeGreaterThan(before);

    unwrap(await h.client.settings.update({ httpProxy: '' }));
    const uses = proxy.uses;
    const bytes = proxy.bytesIn;
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'direct' }));
    unwrap(await h.client.files.list({ folderId: 0 }));
    expect(proxy.uses).toBe(uses);
    expect(proxy.bytesIn).toBe(bytes);
  });

  it('sends the credentials of the proxy URL as Proxy-Authorization', async () => {
    proxy = await startTestProxy({ credentials: 'alice:proxy-pw-7' });
    h = await startHarness();
    unwrap(
      await h.client.settings.update({ httpProxy: proxy.url.replace('http://', 'http://alice:proxy-pw-7@') }),
    );
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'authorised' }));
    expect(proxy.uses).toBeGreaterThan(0);
    expect(proxy.refused).toBe(0);
  });

  it('keeps the demo drive off the proxy', async () => {
    proxy = await startTestProxy();
    h = await startHarness({ signIn: false });
    expect(unwrap(await h.client.auth.status()).state).toBe('demo');
    unwrap(await h.client.settings.update({ httpProxy: proxy.url }));
    unwrap(await h.client.files.list({ folderId: 0 }));
    unwrap(await h.client.files.mkdir({ parentId: 0, name: 'demo folder' }));
    expect(proxy.uses).toBe(0);
  });
});
