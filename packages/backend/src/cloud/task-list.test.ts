import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CLOUD_TASKS, because, createEventHub } from '@pandesk/contract';
import type { CloudTasksSnapshot } from '@pandesk/contract';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../log/daily-log';
import { createCloudTaskList } from './task-list';
import type { TaskRecord } from './task-list';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

function task(id: string, state: TaskRecord['state'] = 'running', createdAt = 1): TaskRecord {
  return {
    id,
    kind: 'cloud_download',
    state,
    phase: state === 'running' ? 'fetching' : null,
    title: `${id}.iso`,
    url: `https://example.com/${id}.iso?sig=abc`,
    targetFolderId: 5,
    percent: 0,
    counts: null,
    problems: [],
    serviceStatus: null,
    createdAt,
    updatedAt: createdAt,
    serviceTaskId: 42,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pandesk-tasks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function make() {
  const events = createEventHub();
  const seen: CloudTasksSnapshot[] = [];
  events.on('cloud:changed', (s) => seen.push(s));
  return { list: createCloudTaskList({ fs: fsp, userData: dir, events, logger: silent }), seen };
}

describe('the cloud task list', () => {
  it('announces every change newest first, without the service task id', async () => {
    const { list, seen } = make();
    await list.bind('7');
    list.add(task('a'));
    list.add(task('b'));
    list.update('a', { percent: 40 });
    expect(seen.at(-1)?.tasks.map((t) => [t.id, t.percent])).toEqual([
      ['b', 0],
      ['a', 40],
    ]);
    expect(JSON.stringify(seen)).not.toContain('serviceTaskId');
  });

  it('saves per drive and reads the list back for that drive only', async () => {
    const first = make();
    await first.list.bind('7');
    first.list.add(task('a'));
    first.list.update('a', { state: 'completed', phase: null, percent: 100 });
    first.list.add(task('b'));
    await first.list.settled();
    const saved = JSON.parse(await readFile(join(dir, 'cloud-tasks-7.json'), 'utf8')) as {
      tasks: TaskRecord[];
    };
    expect(saved.tasks.map((t) => [t.id, t.state, t.serviceTaskId])).toEqual([
      ['a', 'completed', 42],
      ['b', 'running', 42],
    ]);

    const again = make();
    const running = await again.list.bind('7');
    expect(running.map((t) => t.id)).toEqual(['b']);
    expect(again.list.snapshot().map((t) => t.id)).toEqual(['b', 'a']);
    expect(await again.list.bind('demo')).toEqual([]);
    expect(again.list.snapshot()).toEqual([]);
  });

  it('does not save a percentage-only change', async () => {
    const { list } = make();
    await list.bind('7');
    list.add(task('a'));
    await list.settled();
    list.update('a', { percent: 70, updatedAt: 9 });
    await list.settled();
    const saved = JSON.parse(await readFile(join(dir, 'cloud-tasks-7.json'), 'utf8')) as {
      tasks: TaskRecord[];
    };
    expect(saved.tasks[0]?.percent).toBe(0);
  });

  it('keeps at most the limit, dropping the oldest finished tasks and never a running one', async () => {
    const { list } = make();
    await list.bind('7');
    list.add(task('old-running', 'running'));
    for (let i = 0; i < MAX_CLOUD_TASKS; i++) list.add(task(`done-${i}`, 'completed'));
    const ids = list.snapshot().map((t) => t.id);
    expect(ids).toHaveLength(MAX_CLOUD_TASKS);
    expect(ids).toContain('old-running');
    expect(ids).not.toContain('done-0');
    expect(ids).toContain(`done-${MAX_CLOUD_TASKS - 1}`);
    list.clearFinished();
    expect(list.snapshot().map((t) => t.id)).toEqual(['old-running']);
  });

  it('keeps a failure’s reason, params and service detail across a restart, and reads an older list', async () => {
    const first = make();
    await first.list.bind('7');
    first.list.add(task('a'));
    const problem = because('cloud_fetch_failed', 'The 123pan service could not fetch this address.', {
      params: { status: 1 },
      detail: { serviceCode: 1, serviceMessage: '请指定保存目录' },
    });
    first.list.update('a', { state: 'failed', phase: null, problems: [problem] });
    await first.list.settled();
    const again = make();
    await again.list.bind('7');
    expect(again.list.snapshot()[0]?.problems).toEqual([problem]);

    // A list saved when tasks had an English message: the task stays, the message is not shown.
    const older = { ...task('b', 'failed'), problems: undefined, message: 'Copy failed.' };
    await fsp.writeFile(join(dir, 'cloud-tasks-8.json'), JSON.stringify({ version: 1, tasks: [older] }));
    const third = make();
    await third.list.bind('8');
    expect(third.list.snapshot()).toMatchObject([{ id: 'b', state: 'failed', problems: [] }]);
    expect(JSON.stringify(third.list.snapshot())).not.toContain('Copy failed.');
  });

  it('ignores a damaged file', async () => {
    await fsp.writeFile(join(dir, 'cloud-tasks-7.json'), '{"version":1,"tasks":[{"id":3}]');
    const { list } = make();
    expect(await list.bind('7')).toEqual([]);
  });
});
