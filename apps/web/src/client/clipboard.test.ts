import { describe, expect, it } from 'vitest';
import { createClipboardWriter } from './clipboard';

/** A document whose copy command records the selected field's text (or refuses). */
function fakeDocument(accept: boolean) {
  const copied: string[] = [];
  const attached: unknown[] = [];
  const doc = {
    createElement: () => {
      const area = {
        value: '',
        readOnly: false,
        style: {} as Record<string, string>,
        select: () => undefined,
        remove: () => attached.splice(attached.indexOf(area), 1),
      };
      return area;
    },
    body: { append: (node: unknown) => attached.push(node) },
    execCommand: (command: string) => {
      const area = attached[0] as { value: string } | undefined;
      if (accept && command === 'copy' && area) copied.push(area.value);
      return accept;
    },
  } as unknown as Document;
  return { doc, copied, attached };
}

describe('the browser clipboard writer', () => {
  it('uses the Clipboard API when it accepts', async () => {
    const written: string[] = [];
    const { doc, copied } = fakeDocument(true);
    const write = createClipboardWriter({
      clipboard: { writeText: async (t) => void written.push(t) },
      document: doc,
    });
    await write('https://www.123pan.com/s/abc');
    expect(written).toEqual(['https://www.123pan.com/s/abc']);
    expect(copied).toEqual([]);
  });

  it('falls back to the copy command when the API refuses or is missing, leaving no field behind', async () => {
    const { doc, copied, attached } = fakeDocument(true);
    const refused = createClipboardWriter({
      clipboard: { writeText: async () => Promise.reject(new Error('NotAllowedError')) },
      document: doc,
    });
    await refused('one');
    await createClipboardWriter({ document: doc })('two');
    expect(copied).toEqual(['one', 'two']);
    expect(attached).toEqual([]);
  });

  it('rejects when nothing could copy', async () => {
    const { doc, attached } = fakeDocument(false);
    await expect(createClipboardWriter({ document: doc })('three')).rejects.toThrow('refused to copy');
    expect(attached).toEqual([]);
  });
});
