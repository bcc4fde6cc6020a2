import { describe, expect, it } from 'vitest';
import { buildCspHeader } from './csp';
import { withSecurityHeaders } from './session-guard';

describe('security headers', () => {
  it('adds the CSP and hardening headers, replacing any the response already had', () => {
    const out = withSecurityHeaders({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(out['Content-Security-Policy']).toEqual([buildCspHeader()]);
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([buildCspHeader()]);
  });
});
