/**
 * The "download proxy URL" method: CDN requests are sent through a user-set URL prefix. A
 * prefix containing `{url}` gets the percent-encoded CDN URL there (for proxies that take the
 * target as a query parameter); otherwise the CDN URL is appended to the prefix as it is
 * (`https://proxy.example/` + `https://cdn.../file?...`), the common form.
 */
export function viaProxyUrl(prefix: string, cdnUrl: string): string {
  if (prefix.includes('{url}')) return prefix.split('{url}').join(encodeURIComponent(cdnUrl));
  return prefix + cdnUrl;
}
