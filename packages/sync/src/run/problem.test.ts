import { describe, expect, it } from 'vitest';
import { SyncRemoteError } from '../ports';
import { syncProblem } from './problem';

const fsError = (code: string, path: string): Error =>
  Object.assign(new Error(`${code}: ${path}`), { code, path });

describe('syncProblem', () => {
  it("keeps a cloud failure's reason, params and the service's words, with the reason's code", () => {
    const error = new SyncRemoteError('other', 'space used up', {
      reason: 'space_exhausted',
      detail: { serviceCode: 5112, serviceMessage: '空间不足' },
    });
    expect(syncProblem({ kind: 'error', error }, 'docs/a.txt')).toEqual({
      code: 'quota',
      reason: 'space_exhausted',
      message: 'space used up',
      serviceMessage: '空间不足',
      path: 'docs/a.txt',
    });
  });

  it('words a cloud failure without a reason by its kind, never as an internal error', () => {
    expect(syncProblem({ kind: 'error', error: new SyncRemoteError('other', 'refused') })).toMatchObject({
      code: 'service',
    });
    expect(syncProblem({ kind: 'error', error: new SyncRemoteError('not_found', 'gone') })).toMatchObject({
      code: 'not_found',
    });
  });

  it("names a local file-system failure's reason, without the absolute path", () => {
    const denied = syncProblem({ kind: 'error', error: fsError('EACCES', '/home/u/secret/a.txt') }, 'a.txt');
    expect(denied).toMatchObject({ code: 'io', reason: 'local_permission_denied', path: 'a.txt' });
    expect(denied.params).toBeUndefined();
    const busy = syncProblem({ kind: 'error', error: fsError('EBUSY', '/home/u/a.txt') });
    expect(busy).toMatchObject({ code: 'io', reason: 'local_io_error', params: { code: 'EBUSY' } });
    expect(JSON.stringify(busy)).not.toContain('/home/u');
  });
});
