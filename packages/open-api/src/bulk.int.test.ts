import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTokenStore } from './auth/types';
import { createPanClient, type PanClient } from './client';
import type { FetchLike } from './http/transport';
import { startFakePan, type FakePan } from '@pandesk/fake-pan';

/**
 * Bulk pacing acceptance (issue #3): create N folders and list N folders against fake-pan with
 * its rate limits on; nothing may surface as an error, and the measured time must stay within
 * 1.25× of the least time the endpoint limits allow.
 *
 * Default run (CI): VIP table (mkdir 20/s, v2 list 10/s) with N = 100 / 60.
 * Full run (`PANDESK_BULK_FULL=1`): free table (mkdir 5/s, v2 list 5/s) with N = 300 / 300,
 * about two minutes.
 *
 * Least time: a sliding one-second window admits q requests per second, so N requests need
 * at least (ceil(N/q) − 1) s between the first and the last. We also print N/q, the figure the
 * issue quotes (300 at 5/s ≥ ~60 s).
 */
const FULL = process.env.PANDESK_BULK_FULL === '1';
const plan = FULL ? { vip: false, mkdirs: 300, lists: 300, mkdirQps: 5, listQps: 5 } : { vip: true, mkdirs: 100, lists: 60, mkdirQps: 20, listQps: 10 };

let fake: FakePan;
let client: PanClient;
let rateLimitedAnswers = 0;

beforeAll(async () => {
  fake = await startFakePan({ port: 0, vip: plan.vip, faults: { rateLimits: true } });
  // Count every 429 the service sends, to show that pacing avoided them (not just survived them).
  const counting: FetchLike = async (input, init) => {
    const res = await fetch(input, init);
    const text = await res.clone().text();
    if (res.status === 429 || /"code"\s*:\s*429/.test(text)) rateLimitedAnswers++;
    return res;
  };
  client = createPanClient({
    baseUrl: fake.baseUrl,
    fetch: counting,
    tokenStore: createMemoryTokenStore(),
    credentials: { kind: 'client', clientId: fake.clientId, clientSecret: fake.clientSecret },
  });
  const user = await client.user.info();
  expect(user.vip).toBe(plan.vip);
});

afterAll(async () => {
  await fake?.close();
});

function report(label: string, n: number, qps: number, ms: number): number {
  const strictMin = (Math.ceil(n / qps) - 1) * 1000;
  const quoted = (n / qps) * 1000;
  const ratio = ms / strictMin;
  console.log(
    `[bulk] ${label}: ${n} calls at ${qps}/s (${plan.vip ? 'VIP' : 'free'}) took ${(ms / 1000).toFixed(2)} s; ` +
      `least possible ${(strictMin / 1000).toFixed(1)} s (N/q = ${(quoted / 1000).toFixed(1)} s); ratio ${ratio.toFixed(3)}; ` +
      `429 answers so far: ${rateLimitedAnswers}`,
  );
  return ratio;
}

describe(`bulk pacing (${FULL ? 'full free-tier run' : 'CI run on the VIP table'})`, () => {
  const folderIds: number[] = [];

  it(`creates ${plan.mkdirs} folders with no error, within 1.25× of the mkdir limit`, async () => {
    const root = await client.files.mkdir(0, 'bulk');
    const started = Date.now();
    const ids = await Promise.all(Array.from({ length: plan.mkdirs }, (_, i) => client.files.mkdir(root, `f${String(i).padStart(3, '0')}`)));
    const ms = Date.now() - started;
    folderIds.push(...ids);
    expect(new Set(ids).size).toBe(plan.mkdirs);
    expect(fake.state.list(root).filter((n) => n.type === 1)).toHaveLength(plan.mkdirs);
    expect(report('mkdir', plan.mkdirs + 1, plan.mkdirQps, ms)).toBeLessThanOrEqual(1.25);
  }, 300_000);

  it(`lists ${plan.lists} folders with no error, within 1.25× of the list limit`, async () => {
    const targets = folderIds.slice(0, plan.lists);
    const started = Date.now();
    const listings = await Promise.all(targets.map((id) => client.files.listAll(id)));
    const ms = Date.now() - started;
    expect(listings.every((l) => l.length === 0)).toBe(true);
    expect(report('v2 list', plan.lists, plan.listQps, ms)).toBeLessThanOrEqual(1.25);
    const parent = fake.state.get(folderIds[0]!)!.parentId;
    const all = await client.files.listAll(parent);
    expect(all.map((e) => e.id).sort((a, b) => a - b)).toEqual([...folderIds].sort((a, b) => a - b));
  }, 300_000);
});
