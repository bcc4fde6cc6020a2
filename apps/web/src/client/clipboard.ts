/**
 * The browser host's clipboard: the async Clipboard API, which a page on 127.0.0.1 (a secure
 * context) may use from a user's click without a permission prompt; where it is missing or
 * refuses, the older copy command on a hidden, read-only text field.
 */

export interface ClipboardEnvironment {
  /** `navigator.clipboard`, when the browser offers it. */
  readonly clipboard?: Pick<Clipboard, 'writeText'>;
  readonly document: Document;
}

function copyWithCommand(doc: Document, text: string): void {
  const area = doc.createElement('textarea');
  area.value = text;
  area.readOnly = true;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.append(area);
  try {
    area.select();
    // Deprecated, but the only way left when the Clipboard API is refused.
    if (!doc.execCommand('copy')) throw new Error('The browser refused to copy.');
  } finally {
    area.remove();
  }
}

export function createClipboardWriter(env: ClipboardEnvironment): (text: string) => Promise<void> {
  return async (text) => {
    if (env.clipboard !== undefined) {
      try {
        await env.clipboard.writeText(text);
        return;
      } catch {
        // Refused (no user gesture, not focused): the copy command may still work.
      }
    }
    copyWithCommand(env.document, text);
  };
}
