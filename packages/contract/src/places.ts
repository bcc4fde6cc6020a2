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

export interface AddPlaceInput {
  readonly path: string;
  /** Display name; the folder's base name when omitted. */
  readonly name?: string;
}
export interface RemovePlaceInput {
  readonly id: string;
}
