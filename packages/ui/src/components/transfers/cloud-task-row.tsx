import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CloudTask } from '@pandesk/contract';
import { describeError, errorDetails } from '../../actions/errors';
import { DetailsDisclosure } from '../details-disclosure';

/** What the task is doing, or how it ended, in words. */
export function cloudTaskStateText(t: TFunction, task: CloudTask): string {
  if (task.state === 'running') {
    const phase = t(`cloudTasks.phase.${task.phase ?? 'fetching'}`);
    return task.percent === null ? phase : `${phase} ${Math.floor(task.percent)} %`;
  }
  const counts = task.counts;
  const summary =
    counts === null
      ? ''
      : ` (${t('cloudTasks.counts', { copied: counts.copied, skipped: counts.skipped, failed: counts.failed })})`;
  const base = `${t(`cloudTasks.state.${task.state}`)}${summary}`;
  // Each problem worded from its reason in the current language, never the back end's English.
  const problems = task.problems.map((p) => describeError(t, p));
  return problems.length === 0
    ? base
    : t('cloudTasks.withProblems', { state: base, problems: problems.join(' ') });
}

/** The service's own words and codes behind the task's problems, for the folded details. */
function cloudTaskDetails(t: TFunction, task: CloudTask): string[] {
  return [...new Set(task.problems.flatMap((p) => errorDetails(t, p)))];
}

/** One cloud download or copy in the transfers panel. */
export function CloudTaskRow({ task }: { task: CloudTask }) {
  const { t } = useTranslation();
  const kind = t(`cloudTasks.kind.${task.kind}`);
  const done = task.state === 'completed' ? 100 : undefined;
  const value = task.percent ?? done;
  return (
    <li
      className={`pd-transfer pd-transfer-${task.state}`}
      data-testid="cloud-task-row"
      data-id={task.id}
      data-kind={task.kind}
      data-state={task.state}
    >
      <span className="pd-transfer-dir" title={kind}>
        <span aria-hidden="true">{task.kind === 'copy' ? '⧉' : '☁'}</span>
        <span className="pd-sr-only">{kind}</span>
      </span>
      <span className="pd-transfer-name" title={task.url ?? task.title}>
        {task.title}
      </span>
      {/* Without a value the bar shows activity without claiming a share (copies give none). */}
      <progress className="pd-progress" max={100} value={value} aria-label={task.title} />
      <span className="pd-transfer-state" data-testid="cloud-task-state" title={cloudTaskStateText(t, task)}>
        {cloudTaskStateText(t, task)}
      </span>
      <DetailsDisclosure lines={cloudTaskDetails(t, task)} />
    </li>
  );
}
