import { describe, expect, it } from 'vitest';
import { API_DOMAINS, API_METHODS } from '../api';
import { API_CHANNELS } from '../channels';
import { EXAMPLE_INPUTS, exampleInputFor } from '../testing/example-inputs';
import { API_INPUTS, findServedChannel } from './api-inputs';

describe('input table', () => {
  it('has exactly the methods of the channel table, in the same order', () => {
    for (const domain of API_DOMAINS) {
      expect(Object.keys(API_INPUTS[domain]), domain).toEqual([...API_METHODS[domain]]);
    }
    for (const { channel } of API_CHANNELS) expect(findServedChannel(channel)?.channel).toBe(channel);
  });

  it('accepts the example input of every channel', () => {
    for (const spec of API_CHANNELS) {
      const served = findServedChannel(spec.channel);
      const parsed = served?.input.schema.safeParse(exampleInputFor(spec.domain, spec.method));
      expect(parsed?.success, `${spec.channel}: ${JSON.stringify(parsed?.error?.issues)}`).toBe(true);
    }
    expect(Object.keys(EXAMPLE_INPUTS)).toEqual([...API_DOMAINS]);
  });

  it('accepts null for no-input calls (JSON has no undefined) and refuses anything else', () => {
    const status = findServedChannel('auth:status');
    expect(status?.input.schema.safeParse(null)).toEqual({ success: true, data: undefined });
    expect(status?.input.schema.safeParse({}).success).toBe(false);
  });

  it('does not resolve prototype keys or junk', () => {
    for (const junk of ['__proto__', 'constructor', 'files:__proto__', 'files:toString', '']) {
      expect(findServedChannel(junk), junk).toBeUndefined();
    }
  });
});
