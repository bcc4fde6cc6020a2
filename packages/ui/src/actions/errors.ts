import type { TFunction } from 'i18next';
import { isErrorCode } from '@pandesk/contract';
import type { ApiError, ErrorDetail, ErrorParams, ErrorReason, NameCheck } from '@pandesk/contract';
import { formatBytes } from '../lib/format';

/**
 * What the UI needs to word a failure: an ApiError, a TransferError, an auth status all have
 * it. The back end's English `message` is never shown; words come from the reason (with its
 * params) in the current language, else from the code.
 */
export interface ErrorFacts {
  readonly code?: string;
  readonly reason?: ErrorReason;
  readonly params?: ErrorParams;
  readonly detail?: ErrorDetail;
}

/** Params made ready for words: sizes formatted, setting keys named. */
function values(t: TFunction, error: ErrorFacts): Record<string, string | number> {
  const params = error.params ?? {};
  const out: Record<string, string | number> = { ...params };
  if (typeof params.maxBytes === 'number') out.size = formatBytes(t, params.maxBytes);
  if (error.reason === 'invalid_setting' && typeof params.field === 'string')
    out.field = t(`settings.${params.field}`, { defaultValue: params.field });
  return out;
}

const UNFILLED = /\{\{\s*\w+\s*\}\}/;

/** What happened and what to do next, in the current language. */
export function describeError(t: TFunction, error: ErrorFacts): string {
  const params = error.params ?? {};
  if (error.reason === 'name_rules' && typeof params.problem === 'string')
    return t(`errors.invalidName.${params.problem}`, { character: params.character ?? '' });
  const byCode = t(
    `errors.code.${error.code !== undefined && isErrorCode(error.code) ? error.code : 'internal'}`,
  );
  if (error.reason === undefined) return byCode;
  const words = t(`errors.reason.${error.reason}`, values(t, error));
  // A producer that left out a param its words need: the code's words instead of a placeholder.
  return UNFILLED.test(words) ? byCode : words;
}

/**
 * Lines for a details view: the service's own code and words (123pan writes them in Chinese),
 * its trace id, and where the failure happened. Empty when there is nothing more to say.
 */
export function errorDetails(t: TFunction, error: ErrorFacts): string[] {
  const lines: string[] = [];
  const detail = error.detail ?? {};
  if (detail.serviceMessage) lines.push(t('errors.detail.serviceMessage', { value: detail.serviceMessage }));
  if (detail.serviceCode !== undefined)
    lines.push(t('errors.detail.serviceCode', { value: detail.serviceCode }));
  if (detail.httpStatus !== undefined)
    lines.push(t('errors.detail.httpStatus', { value: detail.httpStatus }));
  if (detail.traceId) lines.push(t('errors.detail.traceId', { value: detail.traceId }));
  const params = error.params ?? {};
  if (typeof params.host === 'string') lines.push(t('errors.detail.host', { value: params.host }));
  return lines;
}

/**
 * The cause of an `auth_required` status; a status without one (from an older back end) is
 * worded from its problem.
 */
export function authFacts(auth: {
  readonly problem: 'no_credentials' | 'rejected' | 'unreachable';
  readonly reason?: ErrorReason;
  readonly params?: ErrorParams;
  readonly detail?: ErrorDetail;
}): ErrorFacts {
  const fallback: Record<typeof auth.problem, ErrorReason> = {
    no_credentials: 'no_credentials',
    rejected: 'credentials_rejected',
    unreachable: 'service_unreachable',
  };
  return {
    code: 'auth_required',
    reason: auth.reason ?? fallback[auth.problem],
    ...(auth.params === undefined ? {} : { params: auth.params }),
    ...(auth.detail === undefined ? {} : { detail: auth.detail }),
  };
}

/** A problem shown where the user types a name: a rule it breaks, or the service's refusal. */
export type InlineProblem = { readonly check: NameCheck } | { readonly error: ApiError };

export function describeInline(t: TFunction, problem: InlineProblem): string {
  return 'check' in problem ? (describeNameProblem(t, problem.check) ?? '') : describeError(t, problem.error);
}

/** A name rule it breaks, or null when the name is fine. */
export function nameProblem(check: NameCheck): InlineProblem | null {
  return check.ok ? null : { check };
}

/** The name rule that failed, in the current language (the contract's message is English). */
export function describeNameProblem(t: TFunction, check: NameCheck): string | null {
  if (check.ok) return null;
  return t(`errors.invalidName.${check.problem}`, { character: check.character ?? '' });
}
