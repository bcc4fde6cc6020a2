import { unwrap } from '@pandesk/contract';
import { createManualClock } from '@pandesk/contract/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../testing/backend-harness';
import type { Harness } from '../testing/backend-harness';
import { SHARE_PAGE_SIZE } from './shares-api';

const DAY_MS = 24 * 3600 * 1000;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('shares over fake-pan', () => {
  it('creates a share with a code, an expiry and traffic settings, and lists it back', async () => {
    h = await startHarness();
    const photos = h.fake.state.addFolder('/Photos');
    const file = await h.fake.state.addFile('/a.txt', 'alpha');
    const before = Date.now();
    const created = unwrap(
      await h.client.shares.create({
        ids: [photos.id, file.id],
        name: 'Holiday 2026',
        expiryDays: 7,
        extractionCode: 'k3p9',
        traffic: { package: 'guests_without_login', limitBytes: 5_000_000 },
      }),
    );
    const record = h.fake.cloud.shares.get(created.id)!;
    expect(record).toMatchObject({
      shareName: 'Holiday 2026',
      fileIds: [photos.id, file.id],
      sharePwd: 'k3p9',
      trafficSwitch: 2,
      trafficLimitSwitch: 2,
      trafficLimit: 5_000_000,
    });
    expect(created.url).toBe(`https://www.123pan.com/s/${record.shareKey}`);
    expect(created.extractionCode).toBe('k3p9');
    expect(created.expiresAt).toBeGreaterThanOrEqual(before + 7 * DAY_MS);
    expect(created.expiresAt).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);

    const page = unwrap(await h.client.shares.list({}));
    expect(page.cursor).toBeNull();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: created.id,
      name: 'Holiday 2026',
      url: created.url,
      extractionCode: 'k3p9',
      expired: false,
      traffic: { package: 'guests_without_login', limitBytes: 5_000_000 },
    });
    // The service states times to the second.
    expect(page.items[0]?.expiresAt).toBe(Math.floor(record.expiresAt! / 1000) * 1000);
  });

  it('shows a share without code or expiry as such, and changes traffic settings only', async () => {
    h = await startHarness();
    const file = await h.fake.state.addFile('/b.txt', 'bravo');
    const created = unwrap(await h.client.shares.create({ ids: [file.id], name: 'Forever', expiryDays: 0 }));
    expect(created).toMatchObject({ extractionCode: null, expiresAt: null });
    unwrap(
      await h.client.shares.setTraffic({ ids: [created.id], traffic: { package: 'all', limitBytes: null } }),
    );
    const [listed] = unwrap(await h.client.shares.list({})).items;
    expect(listed).toMatchObject({
      extractionCode: null,
      expiresAt: null,
      expired: false,
      traffic: { package: 'all', limitBytes: null },
    });
    expect(h.fake.cloud.shares.get(created.id)).toMatchObject({ shareName: 'Forever', trafficSwitch: 4 });
  });

  it('marks expired shares', async () => {
    const clock = createManualClock({ start: Date.UTC(2026, 2, 1) });
    h = await startHarness({ fake: { clock } });
    const file = await h.fake.state.addFile('/c.txt', 'charlie');
    unwrap(await h.client.shares.create({ ids: [file.id], name: 'Short', expiryDays: 1 }));
    unwrap(await h.client.shares.create({ ids: [file.id], name: 'Long', expiryDays: 30 }));
    await clock.advance(2 * DAY_MS);
    const items = unwrap(await h.client.shares.list({})).items;
    expect(items.map((s) => [s.name, s.expired])).toEqual([
      ['Short', true],
      ['Long', false],
    ]);
    expect(items[0]?.expiresAt).toBe(Date.UTC(2026, 2, 2));
  });

  it('pages through the list with opaque cursors and refuses a made-up one', async () => {
    h = await startHarness();
    const file = await h.fake.state.addFile('/d.txt', 'delta');
    for (let i = 0; i < SHARE_PAGE_SIZE + 3; i++)
      unwrap(await h.client.shares.create({ ids: [file.id], name: `s${i}`, expiryDays: 1 }));
    const first = unwrap(await h.client.shares.list({}));
    expect(first.items).toHaveLength(SHARE_PAGE_SIZE);
    expect(first.cursor).toMatch(/^share\.\d+$/);
    const second = unwrap(await h.client.shares.list({ cursor: first.cursor! }));
    expect(second.items.map((s) => s.name)).toEqual([
      `s${SHARE_PAGE_SIZE}`,
      `s${SHARE_PAGE_SIZE + 1}`,
      `s${SHARE_PAGE_SIZE + 2}`,
    ]);
    expect(second.cursor).toBeNull();
    const bad = await h.client.shares.list({ cursor: 'f.12' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes the service refusal on in words and changes nothing', async () => {
    h = await startHarness({ fake: { switches: { shareNameForbiddenChars: '#' } } });
    const file = await h.fake.state.addFile('/e.txt', 'echo');
    const refused = await h.client.shares.create({ ids: [file.id], name: 'a#b', expiryDays: 1 });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('分享名称不能包含特殊字符') },
    });
    expect(h.fake.cloud.shares.all()).toHaveLength(0);
  });
});
