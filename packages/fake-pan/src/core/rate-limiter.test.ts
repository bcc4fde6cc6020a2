import { createManualClock } from '@pandesk/contract/testing';
import { expect, test } from 'vitest';
import { createRateLimiter } from './rate-limiter';
import { ruleFor } from './rate-table';

function setup(windowMs = 1000) {
  const clock = createManualClock({ start: 1_000_000 });
  const limiter = createRateLimiter({ clock, windowMs: () => windowMs });
  return { limiter, advance: (ms: number) => clock.advance(ms) };
}

test('QPS figures become window rules; below 1 QPS means one call per 1/qps seconds', async () => {
  expect(ruleFor(5, 1000)).toEqual({ count: 5, perMs: 1000 });
  expect(ruleFor(0.2, 1000)).toEqual({ count: 1, perMs: 5000 });
  expect(ruleFor({ count: 100, perMs: 60_000 }, 1000)).toEqual({ count: 100, perMs: 60_000 });
});

test('free delete allows 1 per second in a sliding window; VIP allows 10', async () => {
  const { limiter, advance } = setup();
  expect(limiter.allow('u', 'api/v1/file/delete', false)).toBe(true);
  expect(limiter.allow('u', 'api/v1/file/delete', false)).toBe(false);
  await advance(999);
  expect(limiter.allow('u', 'api/v1/file/delete', false)).toBe(false);
  await advance(1);
  expect(limiter.allow('u', 'api/v1/file/delete', false)).toBe(true);
  const vip = setup().limiter;
  for (let i = 0; i < 10; i++) expect(vip.allow('u', 'api/v1/file/delete', true)).toBe(true);
  expect(vip.allow('u', 'api/v1/file/delete', true)).toBe(false);
});

test('keys are per caller and per endpoint; unlisted endpoints are unlimited', async () => {
  const { limiter } = setup();
  expect(limiter.allow('a', 'api/v1/file/delete', false)).toBe(true);
  expect(limiter.allow('b', 'api/v1/file/delete', false)).toBe(true);
  expect(limiter.allow('a', 'api/v1/file/move', false)).toBe(true);
  for (let i = 0; i < 100; i++) expect(limiter.allow('a', 'api/v1/file/detail', false)).toBe(true);
});

test('refused calls do not count, and the window length is configurable', async () => {
  const { limiter, advance } = setup(200);
  expect(limiter.allow('u', 'api/v1/file/list', false)).toBe(true); // 0.2 QPS: 1 per 1000 ms here
  await advance(500);
  expect(limiter.allow('u', 'api/v1/file/list', false)).toBe(false);
  await advance(500);
  expect(limiter.allow('u', 'api/v1/file/list', false)).toBe(true);
});

test('a scale multiplies every figure, and refusals are tallied per endpoint until reset', async () => {
  const clock = createManualClock({ start: 1_000_000 });
  let scale = 10;
  const limiter = createRateLimiter({ clock, windowMs: () => 1000, scale: () => scale });
  for (let i = 0; i < 10; i++) expect(limiter.allow('u', 'upload/v2/file/create', false)).toBe(true);
  expect(limiter.allow('u', 'upload/v2/file/create', false)).toBe(false);
  expect(limiter.allow('u', 'upload/v2/file/create', false)).toBe(false);
  // 0.2 QPS (one call per 5 s) becomes 2 per second; 100 per minute becomes 1000 per minute.
  expect(limiter.allow('u', 'api/v1/file/list', false)).toBe(true);
  expect(limiter.allow('u', 'api/v1/file/list', false)).toBe(true);
  expect(limiter.allow('u', 'api/v1/file/list', false)).toBe(false);
  for (let i = 0; i < 1000; i++) expect(limiter.allow('', 'api/v1/oauth2/access_token', false)).toBe(true);
  expect(limiter.allow('', 'api/v1/oauth2/access_token', false)).toBe(false);
  expect(limiter.refusals()).toEqual({
    'upload/v2/file/create': 2,
    'api/v1/file/list': 1,
    'api/v1/oauth2/access_token': 1,
  });
  scale = 1;
  await clock.advance(1000);
  expect(limiter.allow('u', 'upload/v2/file/create', false)).toBe(true);
  expect(limiter.allow('u', 'upload/v2/file/create', false)).toBe(false);
  limiter.reset();
  expect(limiter.refusals()).toEqual({});
});
