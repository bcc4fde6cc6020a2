import { screen } from '@testing-library/react';
import type { FileEntry } from '@pandesk/contract';
import type { FakeBridge } from './fake-bridge';
import { createTestHost } from './render-app';

/** The visible row of the entry named `name`. */
export function rowOf(name: string): HTMLElement {
  const found = screen
    .getAllByTestId('file-row')
    .find((r) => r.querySelector('.pd-name')?.textContent === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
}

/** The drive entry named `name` (first match). */
export function entryOf(bridge: FakeBridge, name: string): FileEntry {
  const found = [...bridge.drive.items.values()].find((i) => i.entry.name === name && !i.trashed);
  if (!found) throw new Error(`no entry ${name}`);
  return found.entry;
}

/** A test host whose clipboard is a list of the texts written to it. */
export function clipboardHost(): ReturnType<typeof createTestHost> & { clipboard: string[] } {
  const clipboard: string[] = [];
  return {
    ...createTestHost({
      writeClipboard: async (text: string) => {
        clipboard.push(text);
      },
    }),
    clipboard,
  };
}
