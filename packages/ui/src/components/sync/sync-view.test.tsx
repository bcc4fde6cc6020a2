import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../testing/render-app';

afterEach(cleanup);

async function openSync(): Promise<void> {
  fireEvent.click(screen.getByTestId('open-sync'));
  await screen.findByTestId('sync-view');
}

describe('sync view', () => {
  it('adds a pair through the dialog, shows its first plan, and confirms it', async () => {
    const { bridge } = await renderApp();
    bridge.syncPairs.planFiles = ['photos/a.jpg', 'photos/b.jpg'];
    await openSync();
    expect(screen.getByText(/No sync pairs yet/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('sync-add'));
    const dialog = within(await screen.findByTestId('sync-add-dialog'));
    const submit = dialog.getByTestId('sync-add-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(dialog.getByTestId('sync-local-path'), { target: { value: '/home/user/Photos' } });
    fireEvent.click(dialog.getByRole('option', { name: 'My drive' }));
    fireEvent.click(dialog.getByTestId('sync-mode-two_way'));
    fireEvent.change(dialog.getByTestId('sync-schedule'), { target: { value: 'window' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    const card = await screen.findByTestId('sync-pair');
    expect(card.dataset.state).toBe('awaiting_confirmation');
    expect(within(card).getByTestId('sync-local').textContent).toBe('/home/user/Photos');
    expect(within(card).getByTestId('sync-remote').textContent).toBe('/');
    expect(card.textContent).toMatch(/Two-way · Every 30 min between 22:00 and 06:00/);
    expect(bridge.syncPairs.pairs()[0]?.config).toMatchObject({
      mode: 'two_way',
      schedule: { kind: 'window', start: '22:00', end: '06:00', minutes: 30 },
      remoteFolderId: 0,
    });

    fireEvent.click(within(card).getByTestId('sync-show-plan'));
    const plan = within(await screen.findByTestId('sync-plan-dialog'));
    await waitFor(() => expect(plan.getByTestId('sync-plan-counts').textContent).toMatch(/2 up, 0 down/));
    expect(plan.getByText(/first run of this pair/)).toBeTruthy();
    expect(plan.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Upload: photos/a.jpg ',
      'Upload: photos/b.jpg ',
    ]);
    fireEvent.click(plan.getByTestId('sync-plan-confirm'));
    await waitFor(() => expect(screen.getByTestId('sync-pair').dataset.state).toBe('idle'));
    expect(screen.getByTestId('sync-counts').textContent).toMatch(/2 up/);
    expect(bridge.calls).toContain('sync.confirmPlan');
  });

  it('shows the add dialog’s error in words and keeps the dialog open', async () => {
    const { bridge } = await renderApp();
    await openSync();
    bridge.failNext('sync.add', {
      code: 'invalid_input',
      reason: 'sync_local_folder_missing',
      params: { path: '/nope' },
      message: 'not a folder',
    });
    fireEvent.click(screen.getByTestId('sync-add'));
    const dialog = within(await screen.findByTestId('sync-add-dialog'));
    fireEvent.change(dialog.getByTestId('sync-local-path'), { target: { value: '/nope' } });
    fireEvent.click(dialog.getByRole('option', { name: 'My drive' }));
    fireEvent.click(dialog.getByTestId('sync-add-submit'));
    expect((await dialog.findByTestId('sync-add-error')).textContent).toBe(
      'The local folder “/nope” does not exist or is not a folder.',
    );
    expect(screen.queryByTestId('sync-pair')).toBeNull();
  });

  it('lists conflicts with the three choices and resolves them', async () => {
    const { bridge } = await renderApp();
    await openSync();
    await act(async () => {
      await bridge.sync.add({
        localPath: '/home/user/Docs',
        remoteFolderId: 0,
        remotePath: '/',
        mode: 'two_way',
        deletions: 'ignore',
        schedule: { kind: 'continuous', minutes: 30 },
        confirmAbove: 50,
      });
    });
    const pairId = bridge.syncPairs.pairs()[0]?.id as string;
    act(() => {
      bridge.syncPairs.addConflict(
        pairId,
        'report.docx',
        'report (conflict, laptop, 2026-03-01 10-15-30).docx',
      );
      bridge.syncPairs.addConflict(pairId, 'notes.txt', 'notes (conflict, laptop, 2026-03-01 10-15-30).txt');
    });
    await waitFor(() =>
      expect(screen.getByTestId('sync-pair').textContent).toMatch(/2 conflicts to look at/),
    );
    expect(screen.getByTestId('open-sync').textContent).toMatch(/\(1\)/);
    fireEvent.click(screen.getByTestId('sync-conflicts'));
    const dialog = within(await screen.findByTestId('sync-conflicts-dialog'));
    await waitFor(() => expect(dialog.getAllByTestId('sync-conflict')).toHaveLength(2));
    expect(dialog.getAllByTestId('sync-conflict')[0]?.textContent).toMatch(
      /kept as “report \(conflict, laptop/,
    );
    fireEvent.click(
      within(dialog.getAllByTestId('sync-conflict')[0] as HTMLElement).getByRole('button', {
        name: 'Keep local',
      }),
    );
    await waitFor(() => expect(dialog.getAllByTestId('sync-conflict')).toHaveLength(1));
    expect(bridge.calls.filter((c) => c === 'sync.resolveConflict')).toHaveLength(1);
  });

  it('pauses every pair and leaves the view when a folder is opened', async () => {
    const { bridge } = await renderApp();
    await act(async () => {
      await bridge.sync.add({
        localPath: '/home/user/A',
        remoteFolderId: 0,
        remotePath: '/',
        mode: 'backup',
        deletions: 'ignore',
        schedule: { kind: 'interval', minutes: 60 },
        confirmAbove: 50,
      });
    });
    await openSync();
    fireEvent.click(await screen.findByTestId('sync-pause-all'));
    await waitFor(() => expect(screen.getByTestId('sync-pair').dataset.state).toBe('paused'));
    expect(screen.getByTestId('sync-pause-all').textContent).toBe('Resume all');
    fireEvent.click(screen.getByRole('button', { name: /Recycle bin/ }));
    await waitFor(() => expect(screen.queryByTestId('sync-view')).toBeNull());
  });

  it('words a pair’s problems from their reasons in the user’s language, with no English left', async () => {
    const { bridge } = await renderApp();
    await openSync();
    await act(async () => {
      await bridge.sync.add({
        localPath: '/home/user/Docs',
        remoteFolderId: 0,
        remotePath: '/',
        mode: 'two_way',
        deletions: 'ignore',
        schedule: { kind: 'interval', minutes: 30 },
        confirmAbove: 50,
      });
      await bridge.settings.update({ language: 'zh-CN' });
    });
    const id = bridge.syncPairs.pairs()[0]?.id as string;
    act(() =>
      bridge.syncPairs.setProblems(
        id,
        { code: 'auth_required', reason: 'sync_waits_for_sign_in', message: 'Waits for sign-in.' },
        [
          {
            code: 'name_conflict',
            reason: 'sync_case_clash',
            params: { other: 'Photo.jpg' },
            message: 'Differs only in case.',
            path: 'photo.jpg',
          },
          {
            code: 'invalid_name',
            reason: 'sync_refused_before',
            serviceMessage: '文件名包含特殊字符',
            message: 'Refused before.',
            path: 'a.bin',
          },
          { code: 'network', message: 'fetch failed', path: 'b.bin' },
        ],
      ),
    );
    const card = await screen.findByTestId('sync-pair');
    await waitFor(() =>
      expect(within(card).getByTestId('sync-problem').textContent).toBe(
        '正在等待网盘重新登录，登录后将自动补上同步。',
      ),
    );
    const items = [...card.querySelectorAll('details li')].map((li) => li.textContent);
    expect(items).toEqual([
      'photo.jpg: 与“Photo.jpg”仅大小写不同，本机文件夹无法区分二者。',
      'a.bin: 123云盘之前拒绝过此文件；文件有变化后会再次上传。 “文件名包含特殊字符”',
      expect.stringMatching(/^b\.bin: [^A-Za-z]+$/),
    ]);
    expect(card.textContent).not.toMatch(/Waits for sign-in|Differs only|Refused before|fetch failed/);
  });
});
