import { z } from 'zod';
import { localPathSchema } from './common';

/**
 * Local places in the sidebar: drop targets for downloads (Downloads, Desktop, folders the user
 * adds). Built-in places cannot be removed.
 */

export const PLACE_KINDS = ['downloads', 'desktop', 'documents', 'home', 'custom'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  /** Stable id; built-in places use their kind as id. */
  readonly id: string;
  readonly kind: PlaceKind;
  /** Display name (the folder's base name for custom places unless the user named it). */
  readonly name: string;
  /** Absolute path on the host. */
  readonly path: string;
  readonly removable: boolean;
}

export const addPlaceInputSchema = z.strictObject({
  path: localPathSchema,
  name: z.string().trim().min(1, 'must not be empty').max(255, 'must have at most 255 characters').optional(),
});
export const removePlaceInputSchema = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(200, 'is too long'),
});

export type AddPlaceInput = z.infer<typeof addPlaceInputSchema>;
export type RemovePlaceInput = z.infer<typeof removePlaceInputSchema>;
