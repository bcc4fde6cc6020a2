import DOMPurify from 'dompurify';
import type { DOMPurify as Purifier } from 'dompurify';
import { Marked } from 'marked';

/**
 * Markdown to HTML that is safe to insert into the app's page: parsed with marked (GitHub
 * flavour), then sanitised by DOMPurify, which removes script, event handlers and `javascript:`
 * URLs. On top of DOMPurify's defaults: no styles, forms, frames or media; links keep only
 * http(s) and mailto targets and open in a new tab (the app is never navigated); images keep
 * only inline `data:image/` sources, so a remote image is never fetched (its alt text shows).
 */

const markdown = new Marked({ gfm: true, async: false });

const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'];
const FORBID_MEDIA = ['video', 'audio', 'source', 'picture', 'track', 'link', 'meta', 'base'];
const FORBID_ATTR = ['style', 'srcset', 'background', 'poster', 'formaction', 'action', 'ping'];

const SAFE_LINK = /^(https?:|mailto:)/i;
const INLINE_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp|avif);/i;

let purifier: Purifier | undefined;

/** One DOMPurify instance with our hooks, made on first use (it needs the page's `window`). */
function sanitiser(): Purifier {
  if (purifier !== undefined) return purifier;
  const instance = DOMPurify(window);
  instance.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else node.removeAttribute('href');
    }
    if (node.tagName === 'IMG' && !INLINE_IMAGE.test(node.getAttribute('src') ?? '')) {
      node.removeAttribute('src');
      node.setAttribute('data-blocked', 'remote');
    }
  });
  purifier = instance;
  return instance;
}

export function markdownToSafeHtml(source: string): string {
  const html = markdown.parse(source) as string;
  return sanitiser().sanitize(html, {
    FORBID_TAGS: [...FORBID_TAGS, ...FORBID_MEDIA],
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target', 'data-blocked'],
  });
}
