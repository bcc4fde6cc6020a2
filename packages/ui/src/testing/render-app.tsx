import { render, screen, waitFor } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { App } from '../components/app';
import type { HostAdapter } from '../host';
import { createI18n } from '../i18n/create-i18n';
import { createFakeBridge } from './fake-bridge';
import type { FakeBridge, FakeBridgeOptions } from './fake-bridge';

export interface RenderedApp extends RenderResult {
  bridge: FakeBridge;
  host: HostAdapter & { staged: File[][] };
}

/** A web-like host whose staging answers `/staging/<name>` for every dropped file. */
export function createTestHost(overrides: Partial<HostAdapter> = {}): HostAdapter & { staged: File[][] } {
  const staged: File[][] = [];
  return {
    kind: 'web',
    staged,
    async stageFiles({ files }) {
      staged.push(files);
      return files.map((f) => `/staging/${f.name}`);
    },
    ...overrides,
  };
}

/** Renders the whole app on a fake bridge and waits until the first listing is in. */
export async function renderApp(
  options: FakeBridgeOptions & { bridge?: FakeBridge; adapter?: HostAdapter & { staged: File[][] } } = {},
): Promise<RenderedApp> {
  const bridge = options.bridge ?? createFakeBridge(options);
  const host = options.adapter ?? createTestHost();
  const result = render(<App bridge={bridge} host={host} i18n={createI18n('en')} />);
  await waitFor(() => expectReady());
  return { ...result, bridge, host };
}

function expectReady(): void {
  const app = screen.getByTestId('app');
  if (app.getAttribute('data-app-state') !== 'ready') throw new Error('not ready yet');
}

/** Visible rows' names, in order. */
export function rowNames(): string[] {
  return screen
    .queryAllByTestId('file-row')
    .map((row) => row.querySelector('.pd-name')?.textContent ?? row.querySelector('input')?.value ?? '');
}
