/**
 * The transfers panel tells why: a waiting item says what it waits for, a failure is worded
 * in the UI's language with the service's words one click away, Retry appears only where it
 * can work, finished items come latest first, and a download saved under another name says so.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../testing/render-app';
import type { FakeBridge } from '../../testing/fake-bridge';

afterEach(cleanup);

const rows = (): HTMLElement[] => screen.queryAllByTestId('transfer-row');
const panel = (): ReturnType<typeof within> => within(screen.getByTestId('transfers-panel'));
const stateOf = (row: HTMLElement): string => within(row).getByTestId('transfer-state').textContent ?? '';

async function uploadTwo(bridge: FakeBridge): Promise<[string, string]> {
  await act(async () => {
    await bridge.transfers.upload({
      localPaths: ['/data/a.bin', '/data/b.bin'],
      remoteParentId: 0,
      conflict: 'keep_both',
    });
  });
  await waitFor(() => expect(rows()).toHaveLength(2));
  const [a, b] = [...bridge.queue.items.keys()];
  return [a!, b!];
}

describe('transfer rows', () => {
  it('say what a waiting item waits for, and never a bare "Running"', async () => {
    const { bridge } = await renderApp();
    const [a, b] = await uploadTwo(bridge);
    act(() =>
      bridge.queue.patch(a, {
        phase: 'waiting_network',
        error: { code: 'rate_limited', reason: 'rate_limited', message: 'slow down', retryable: true },
      }),
    );
    act(() => bridge.queue.patch(b, { phase: null }));
    await waitFor(() => expect(stateOf(rows()[0]!)).toBe('Waiting: the service asked to slow down'));
    expect(stateOf(rows()[1]!)).toBe('Starting');
  });

  it('word a failure in the current language, with the service words in the details', async () => {
    const { bridge } = await renderApp();
    const [a] = await uploadTwo(bridge);
    act(() =>
      bridge.queue.failItem(a, {
        code: 'quota',
        reason: 'traffic_exhausted',
        message: 'download.info: 您今日自用下载流量已超出1GB上限 (code 5113)',
        retryable: false,
        detail: { serviceCode: 5113, serviceMessage: '您今日自用下载流量已超出1GB上限' },
      }),
    );
    fireEvent.click(panel().getByRole('tab', { name: /Failed/ }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    const text = stateOf(rows()[0]!);
    expect(text).toMatch(/^Failed: This account’s download traffic is used up for now\./);
    expect(text).not.toMatch(/code 5113|流量/);
    // The whole text is reachable although the row cuts it.
    expect(within(rows()[0]!).getByTestId('transfer-state').getAttribute('title')).toBe(text);
    fireEvent.click(panel().getByRole('button', { name: 'Details of a.bin' }));
    const dialog = screen.getByTestId('transfer-details-dialog');
    expect(within(dialog).getByTestId('transfer-details-lines').textContent).toMatch(
      /您今日自用下载流量已超出1GB上限.*5113/,
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await act(async () => {
      await bridge.settings.update({ language: 'zh-CN' });
    });
    await waitFor(() => expect(stateOf(rows()[0]!)).toMatch(/^失败：此账号的下载流量暂时已用完/));
  });

  it('offer Retry only where it can work', async () => {
    const { bridge } = await renderApp();
    const [a, b] = await uploadTwo(bridge);
    act(() =>
      bridge.queue.failItem(a, {
        code: 'not_found',
        reason: 'local_source_missing',
        message: 'The local file to upload no longer exists.',
        params: { path: '/data/a.bin' },
        retryable: false,
      }),
    );
    act(() =>
      bridge.queue.failItem(b, {
        code: 'network',
        reason: 'network_lost',
        message: 'reset',
        retryable: true,
      }),
    );
    fireEvent.click(panel().getByRole('tab', { name: /Failed/ }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    const byName = (name: string): HTMLElement => rows().find((r) => r.textContent?.includes(name))!;
    expect(stateOf(byName('a.bin'))).toBe(
      'Failed: The local file “/data/a.bin” is no longer there, so it cannot be uploaded. Add the file again to upload it.',
    );
    expect(within(byName('a.bin')).queryByRole('button', { name: 'Retry a.bin' })).toBeNull();
    expect(within(byName('b.bin')).getByRole('button', { name: 'Retry b.bin' })).toBeTruthy();
  });

  it('list finished items latest first, and say when a download was saved under another name', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.transfers.download({
        sources: [
          { fileId: 1, name: 'first.bin', type: 'file', size: 10 },
          { fileId: 2, name: 'second.bin', type: 'file', size: 10 },
        ],
        localDir: '/dl',
        conflict: 'keep_both',
      });
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first, second] = [...bridge.queue.items.keys()];
    act(() => bridge.queue.progress(first!, 10));
    await new Promise((r) => setTimeout(r, 5));
    act(() => bridge.queue.patch(second!, { localPath: '/dl/second (1).bin' }));
    act(() => bridge.queue.progress(second!, 10));
    fireEvent.click(panel().getByRole('tab', { name: /Completed/ }));
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((r) => r.querySelector('.pd-transfer-name')?.textContent)).toEqual([
      'second.bin',
      'first.bin',
    ]);
    expect(stateOf(rows()[0]!)).toBe('Done · saved as “second (1).bin”');
    expect(stateOf(rows()[1]!)).toBe('Done');
  });

  it('leave the room to the files when there is nothing to list', async () => {
    await renderApp();
    expect(screen.getByTestId('transfers-panel').className).toMatch(/is-empty/);
  });
});
