import { describe, expect, it } from 'vitest';
import { API_DOMAINS, API_METHODS } from './api';
import { API_CHANNELS, channelName, findChannel, isApiChannel } from './channels';
import { EVENT_NAMES } from './events';

describe('channel table', () => {
  it('has one channel per API method, named domain:method, in domain order', () => {
    const expected = API_DOMAINS.flatMap((d) => API_METHODS[d].map((m: string) => `${d}:${m}`));
    expect(API_CHANNELS.map((c) => c.channel)).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
    expect(API_CHANNELS).toHaveLength(72);
    expect(channelName('files', 'list')).toBe('files:list');
    expect(API_CHANNELS.every((c) => c.channel === `${c.domain}:${c.method}`)).toBe(true);
  });

  it('includes the channels the renderer depends on', () => {
    for (const channel of [
      'auth:status',
      'settings:setConnection',
      'files:list',
      'files:listMore',
      'files:restore',
      'transfers:upload',
      'transfers:page',
      'places:add',
      'app:startDrag',
    ]) {
      expect(isApiChannel(channel), channel).toBe(true);
    }
  });

  it('never shares a name between a command and an event', () => {
    for (const event of EVENT_NAMES) expect(findChannel(event)).toBeUndefined();
  });

  it('does not resolve prototype keys or junk as channels', () => {
    for (const junk of ['__proto__', 'constructor', 'toString', 'files:__proto__', 'files', '']) {
      expect(findChannel(junk), junk).toBeUndefined();
    }
  });
});
