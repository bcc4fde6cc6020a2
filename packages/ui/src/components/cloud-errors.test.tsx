/**
 * Shares, direct links, cloud downloads and copies speak the same error vocabulary as the rest
 * of the app: a failure is worded from its reason in the current language (never the back
 * end's English), the service's own words wait in the details, and words already on screen
 * follow a language switch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp, rowNames } from '../testing/render-app';
import { rowOf } from '../testing/cloud-test-kit';

afterEach(cleanup);

/** Three or more Latin words in a row: an English sentence. */
const LATIN_SENTENCE = /[A-Za-z][A-Za-z’']*(?:[\s,;]+[A-Za-z][A-Za-z’']*){2,}/;

describe('cloud features in the user’s language', () => {
  it('words a failed cloud download from its reason, in Chinese and back in English', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    await act(async () => {
      await bridge.cloud.download({ urls: ['https://files.example/movie.iso'], folderId: 0 });
    });
    const task = bridge.cloudFake.tasks[0]!;
    fireEvent.click(screen.getByTestId('cloud-tasks-tab'));
    await act(async () => {
      await bridge.settings.update({ language: 'zh-CN' });
    });
    bridge.cloudFake.finishDownload(task.id, 'failed');
    const state = (): string => screen.getByTestId('cloud-task-state').textContent ?? '';
    await waitFor(() => expect(state()).toMatch(/^失败：123 云盘无法获取此地址（服务状态 1）/));
    expect(state()).not.toMatch(LATIN_SENTENCE);
    // The service's own words are in the folded details.
    const row = screen.getByTestId('cloud-task-row');
    expect(within(row).getByTestId('error-details').textContent).toContain('离线下载失败');

    await act(async () => {
      await bridge.settings.update({ language: 'en' });
    });
    await waitFor(() =>
      expect(state()).toMatch(/^Failed: 123 Cloud Drive could not fetch this address \(service status 1\)/),
    );
    expect(state()).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('words a refused cloud action from its reason, and rewords the toast on a language switch', async () => {
    const { bridge } = await renderApp();
    await waitFor(() => expect(rowNames()).toHaveLength(3));
    bridge.failNext('directLinks.enable', {
      code: 'unsupported',
      reason: 'direct_link_benefit_required',
      message: 'Direct links need a 123pan account with VIP or developer benefits. This account has neither.',
      retryable: false,
    });
    fireEvent.contextMenu(rowOf('Photos'));
    fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Turn on direct links' }));
    const toast = await screen.findByRole('alert');
    expect(toast.textContent).toMatch(
      /^Turning on direct links failed: Direct links need a 123 Cloud Drive account with VIP or developer benefits\. This account has neither\./,
    );
    await act(async () => {
      await bridge.settings.update({ language: 'zh-CN' });
    });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        /^开启直链失败：直链需要拥有 VIP 或开发者权益的 123 云盘账号，此账号两者都没有。/,
      ),
    );
  });
});
