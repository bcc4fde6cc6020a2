import type { AttemptReport } from '@pandesk/open-api';
import type { Logger } from './daily-log';

/** Logs the service calls that did not simply succeed (failures, retries), for bug reports. */
export function logAttempt(logger: Logger): (report: AttemptReport) => void {
  return (r) => {
    if (r.outcome === 'ok') return;
    const codes = [
      r.serviceCode === undefined ? '' : ` code ${r.serviceCode}`,
      r.httpStatus === undefined ? '' : ` HTTP ${r.httpStatus}`,
    ].join('');
    const next =
      r.action === undefined
        ? ''
        : ` -> ${r.action}${r.retryInMs === undefined ? '' : ` in ${r.retryInMs} ms`}`;
    logger.info(`api ${r.endpoint} attempt ${r.attempt}: ${r.outcome}${codes} after ${r.ms} ms${next}`);
  };
}
