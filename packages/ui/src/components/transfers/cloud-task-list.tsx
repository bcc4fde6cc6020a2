import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { CloudTaskRow } from './cloud-task-row';

/** The recent cloud downloads and copies, newest first (the back end keeps a short list). */
export function CloudTaskList() {
  const { t } = useTranslation();
  const { cloud } = useApp();
  const tasks = useSlice(cloud, (s) => s.tasks);
  if (tasks.length === 0) return <p className="pd-muted pd-transfers-empty">{t('cloudTasks.empty')}</p>;
  return (
    <ul
      className="pd-transfer-scroller pd-cloud-tasks"
      aria-label={t('cloudTasks.label')}
      data-testid="cloud-task-list"
    >
      {tasks.map((task) => (
        <CloudTaskRow key={task.id} task={task} />
      ))}
    </ul>
  );
}

/** The panel's tab for cloud tasks, counting the running ones. */
export function CloudTasksTab() {
  const { t } = useTranslation();
  const { cloud } = useApp();
  const selected = useSlice(cloud, (s) => s.showTasks);
  const running = useSlice(cloud, (s) => s.tasks.filter((task) => task.state === 'running').length);
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      data-testid="cloud-tasks-tab"
      onClick={() => cloud.getState().setShowTasks(true)}
    >
      {t('cloudTasks.tab', { count: running })}
    </button>
  );
}

/** The panel's actions while the cloud tasks are shown: a new cloud download into the folder shown, clear finished. */
export function CloudTasksActions() {
  const { t } = useTranslation();
  const { actions, browser, ui } = useApp();
  const here = useSlice(browser, (s) => s.location);
  return (
    <>
      <button
        type="button"
        data-testid="cloud-download"
        disabled={here.kind !== 'folder'}
        onClick={() =>
          here.kind === 'folder' &&
          ui.getState().openDialog({ kind: 'cloud-download', folderId: here.folderId })
        }
      >
        {t('cloudDownload.menu')}
      </button>
      <button type="button" onClick={() => void actions.clearFinishedCloudTasks()}>
        {t('transfers.clearFinished')}
      </button>
    </>
  );
}
