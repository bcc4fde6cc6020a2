import { describe, expect, it } from 'vitest';
import { joinUrlPassword, sameProxyIdentity, splitUrlPassword } from './proxy-password';

describe('proxy passwords', () => {
  it('splits and joins the password of a URL', () => {
    expect(splitUrlPassword('http://u:p%40ss@h:8080/x')).toEqual({
      url: 'http://u@h:8080/x',
      password: 'p@ss',
    });
    expect(splitUrlPassword('http://h')).toEqual({ url: 'http://h', password: null });
    expect(splitUrlPassword('')).toEqual({ url: '', password: null });
    expect(joinUrlPassword('http://u@h:8080/x', 'p@ss')).toBe('http://u:p%40ss@h:8080/x');
    expect(joinUrlPassword('http://h/', null)).toBe('http://h/');
  });

  it('matches proxies by scheme, user and host', () => {
    expect(sameProxyIdentity('http://u@h:1/', 'http://u@h:1')).toBe(true);
    expect(sameProxyIdentity('http://u@h:1/', 'http://v@h:1')).toBe(false);
    expect(sameProxyIdentity('http://u@h:1/', 'https://u@h:1')).toBe(false);
  });
});
