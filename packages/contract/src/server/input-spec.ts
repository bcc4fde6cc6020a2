import type { z } from 'zod';
import type { ApiDomain, PanDeskApi } from '../api';
import type { ApiMethod, InputOf } from '../channels';
import { noInputSchema } from './schemas/common';

/**
 * What the answering side knows about one call's input: the schema it must pass before a
 * handler runs, and one valid example (for round-trip tests of every binding, and as
 * documentation of what the call takes). Both are pinned to the input type of the method in
 * `PanDeskApi`, so the compiler rejects a schema or an example that does not fit.
 */
export interface InputSpec<T> {
  readonly schema: z.ZodType<T, unknown>;
  readonly example: T;
}

/** The input specs of one domain, shaped exactly like its interface. */
export type DomainInputs<D extends ApiDomain> = {
  readonly [M in ApiMethod<D>]: InputSpec<InputOf<PanDeskApi[D][M]>>;
};

/** For methods that take no input. */
export const NO_INPUT: InputSpec<undefined> = { schema: noInputSchema, example: undefined };
