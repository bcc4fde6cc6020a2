// @vitest-environment jsdom
// DOMPurify misbehaves under happy-dom (it keeps script and drops headings), so the sanitiser is
// checked in jsdom, a DOM that DOMPurify supports; the e2e suite checks it in Chromium.
import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './markdown-html';

/** Parses the sanitised HTML into a detached element, as the preview inserts it. */
function render(source: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markdownToSafeHtml(source);
  return host;
}

describe('Markdown preview HTML', () => {
  it('renders Markdown', () => {
    const html = render('# Title\n\nSome *text* and `code`.\n\n- one\n- two');
    expect(html.querySelector('h1')?.textContent).toBe('Title');
    expect(html.querySelector('em')?.textContent).toBe('text');
    expect(html.querySelectorAll('li')).toHaveLength(2);
  });

  it('removes script, event handlers and javascript: links', () => {
    const html = render(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror="alert(2)">',
        '<a href="javascript:alert(3)">bad</a>',
        '[also bad](javascript:alert(4))',
        '<div onclick="alert(5)">click</div>',
        '<iframe src="https://example.com"></iframe>',
        '<svg><script>alert(6)</script></svg>',
      ].join('\n\n'),
    );
    expect(html.querySelector('script')).toBeNull();
    expect(html.querySelector('iframe')).toBeNull();
    expect(html.innerHTML).not.toMatch(/onerror|onclick|javascript:|alert\(/i);
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['bad', 'also bad']);
    for (const link of links) expect(link.hasAttribute('href')).toBe(false);
  });

  it('never lets a remote image load, and keeps its alt text', () => {
    const html = render(
      '![a cat](https://example.com/cat.png) <img src="//evil.example/x.png" srcset="https://e/x 2x">',
    );
    const images = [...html.querySelectorAll('img')];
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.hasAttribute('src')).toBe(false);
      expect(image.hasAttribute('srcset')).toBe(false);
      expect(image.getAttribute('data-blocked')).toBe('remote');
    }
    expect(images[0]?.getAttribute('alt')).toBe('a cat');
  });

  it('keeps web links, opening in a new tab without a referrer or opener', () => {
    const link = render('[docs](https://example.com/docs)').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.com/docs');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });
});
