import { z } from 'zod';
import { checkName } from '../../names';

/** A cloud file or folder name, reporting the same messages as `checkName`. */
export const nameSchema = z.string().superRefine((name, ctx) => {
  const check = checkName(name);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
});
