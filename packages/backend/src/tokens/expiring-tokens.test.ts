import { describe, expect, it } from 'vitest';
import { createExpiringTokens } from './expiring-tokens';

describe('expiring tokens', () => {
  it('peek leaves a token usable, take uses it up, and neither answers after expiry', () => {
    let time = 0;
    const tokens = createExpiringTokens<string>({ lifetimeMs: 100, max: 10, now: () => time });
    const { token, expiresAt } = tokens.mint('a');
    expect(token).toMatch(/^[\w-]{22}$/);
    expect(expiresAt).toBe(100);
    expect(tokens.peek(token)).toBe('a');
    expect(tokens.peek(token)).toBe('a');
    expect(tokens.take(token)).toBe('a');
    expect(tokens.peek(token)).toBeUndefined();
    const later = tokens.mint('b').token;
    time = 100;
    expect(tokens.peek(later)).toBeUndefined();
    expect(tokens.size()).toBe(0);
  });

  it('finds a live token by its value and drops the oldest past the limit', () => {
    let time = 0;
    const tokens = createExpiringTokens<number>({ lifetimeMs: 100, max: 2, now: () => time });
    const one = tokens.mint(1);
    time = 10;
    const two = tokens.mint(2);
    expect(tokens.find((value) => value === 2)).toEqual(two);
    expect(tokens.find((_, expiresAt) => expiresAt === 100)).toEqual(one);
    tokens.mint(3);
    expect(tokens.peek(one.token)).toBeUndefined();
    expect(tokens.peek(two.token)).toBe(2);
    expect(tokens.size()).toBe(2);
  });
});
