import { z } from 'zod';
import type { Result } from '../../errors';
import {
  DOWNLOAD_METHODS,
  LANGUAGES,
  MAX_CONCURRENCY,
  MAX_SPEED_LIMIT,
  MIN_CONCURRENCY,
  THEMES,
  VIEW_MODES,
} from '../../settings';
import type { ConnectionPatch, Settings, SettingsPatch } from '../../settings';
import { MAX_OPEN_CACHE_MB, MIN_OPEN_CACHE_MB } from '../../open-files';
import {
  MAX_THUMBNAIL_BUDGET_MB,
  MAX_THUMBNAIL_CACHE_MB,
  MAX_THUMBNAIL_IMAGE_MB,
  MIN_THUMBNAIL_CACHE_MB,
  MIN_THUMBNAIL_IMAGE_MB,
} from '../../thumbnails';
import type { DomainInputs } from '../input-spec';
import { NO_INPUT } from '../input-spec';
import { parseInput } from '../validation';
import { fileIdSchema, localPathSchema } from './common';
import { conflictPolicySchema } from './transfers';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** `''` (unset) or an absolute http(s) URL. */
const optionalHttpUrlSchema = z
  .string()
  .trim()
  .max(2048, 'is too long')
  .refine((v) => v === '' || isHttpUrl(v), 'must be empty or a full http:// or https:// address');

const concurrencySchema = z
  .int({ error: 'must be a whole number' })
  .min(MIN_CONCURRENCY, `must be at least ${MIN_CONCURRENCY}`)
  .max(MAX_CONCURRENCY, `must be at most ${MAX_CONCURRENCY}`);

const speedLimitSchema = z
  .int({ error: 'must be a whole number of bytes per second' })
  .min(0, 'must not be negative (0 means unlimited)')
  .max(MAX_SPEED_LIMIT, 'is larger than any real connection');

const settingsShape = {
  downloadMethod: z.enum(DOWNLOAD_METHODS, { error: `must be one of ${DOWNLOAD_METHODS.join(', ')}` }),
  downloadProxyUrl: optionalHttpUrlSchema,
  httpProxy: optionalHttpUrlSchema,
  downloadFolder: localPathSchema,
  uploadConcurrency: concurrencySchema,
  downloadConcurrency: concurrencySchema,
  uploadSpeedLimit: speedLimitSchema,
  downloadSpeedLimit: speedLimitSchema,
  conflictDefault: conflictPolicySchema,
  language: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(', ')}` }),
  theme: z.enum(THEMES, { error: `must be one of ${THEMES.join(', ')}` }),
  keepAwake: z.boolean({ error: 'must be true or false' }),
  openCacheLimitMb: z
    .int({ error: 'must be a whole number of MiB' })
    .min(MIN_OPEN_CACHE_MB, `must be at least ${MIN_OPEN_CACHE_MB}`)
    .max(MAX_OPEN_CACHE_MB, 'is larger than any disk'),
  viewMode: z.enum(VIEW_MODES, { error: `must be one of ${VIEW_MODES.join(', ')}` }),
  thumbnails: z.boolean({ error: 'must be true or false' }),
  thumbnailMaxImageMb: z
    .int({ error: 'must be a whole number of MiB' })
    .min(MIN_THUMBNAIL_IMAGE_MB, `must be at least ${MIN_THUMBNAIL_IMAGE_MB}`)
    .max(MAX_THUMBNAIL_IMAGE_MB, `must be at most ${MAX_THUMBNAIL_IMAGE_MB}`),
  thumbnailCacheLimitMb: z
    .int({ error: 'must be a whole number of MiB' })
    .min(MIN_THUMBNAIL_CACHE_MB, `must be at least ${MIN_THUMBNAIL_CACHE_MB}`)
    .max(MAX_THUMBNAIL_CACHE_MB, `must be at most ${MAX_THUMBNAIL_CACHE_MB}`),
  thumbnailDailyBudgetMb: z
    .int({ error: 'must be a whole number of MiB' })
    .min(0, 'must not be negative (0 means no thumbnail traffic)')
    .max(MAX_THUMBNAIL_BUDGET_MB, `must be at most ${MAX_THUMBNAIL_BUDGET_MB} (a free account's whole day)`),
  previewPane: z.boolean({ error: 'must be true or false' }),
};

/** A complete, consistent settings object (cross-field rules included). */
export const settingsSchema = z
  .strictObject(settingsShape)
  .refine((s) => s.downloadMethod !== 'proxy_url' || s.downloadProxyUrl !== '', {
    message: 'is required when the download method is proxy_url',
    path: ['downloadProxyUrl'],
  }) satisfies z.ZodType<Settings>;

/** Input of `settings.update`: any subset of the settings. Cross-field rules are checked after merging. */
export const settingsPatchSchema = z.strictObject(settingsShape).partial() satisfies z.ZodType<SettingsPatch>;

/** Merges a patch into the current settings and checks the result as a whole. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Result<Settings> {
  const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
  return parseInput(
    settingsSchema,
    { ...current, ...Object.fromEntries(defined) },
    'settings',
    'invalid_setting',
  );
}

/** Printable ASCII without spaces: what client ids, secrets and tokens are made of. */
const CREDENTIAL_PATTERN = /^[\x21-\x7e]*$/;

/** A secret to store (trimmed, non-empty) or `null` to forget the stored one. */
const secretInputSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty (send null to clear it)')
  .max(8192, 'is too long')
  .regex(CREDENTIAL_PATTERN, 'must not contain spaces or unusual characters (check the pasted text)')
  .nullable();

/**
 * Input of `settings.setConnection`. Omitted keys keep their stored value; `null` clears a
 * secret; `clientId: ''` clears the client id.
 */
export const connectionPatchSchema = z.strictObject({
  clientId: z
    .string()
    .trim()
    .max(256, 'is too long')
    .regex(CREDENTIAL_PATTERN, 'must not contain spaces or unusual characters (check the pasted text)')
    .optional(),
  clientSecret: secretInputSchema.optional(),
  accessToken: secretInputSchema.optional(),
  refreshToken: secretInputSchema.optional(),
  rootFolderId: fileIdSchema.optional(),
  sessionOnly: z.boolean({ error: 'must be true or false' }).optional(),
}) satisfies z.ZodType<ConnectionPatch>;

/** Every settings call: the schema its input must pass, and one valid example input. */
export const SETTINGS_INPUTS: DomainInputs<'settings'> = {
  get: NO_INPUT,
  update: {
    schema: settingsPatchSchema,
    example: { theme: 'dark', uploadConcurrency: 4, downloadSpeedLimit: 1_048_576 },
  },
  setConnection: {
    schema: connectionPatchSchema,
    example: { clientId: 'a1b2c3', clientSecret: 'example-secret', accessToken: null },
  },
};
