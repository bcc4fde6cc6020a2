/** Messages between the assembly worker (`assembly-worker.ts`) and its thread (`assembly-thread.ts`). */

export type AssemblyRequest =
  /** Creates (or empties) the job's file; answers nothing: a failure shows on the next request. */
  | { readonly type: 'open'; readonly job: number; readonly path: string }
  | { readonly type: 'append'; readonly job: number; readonly req: number; readonly source: string }
  | { readonly type: 'finish'; readonly job: number; readonly req: number }
  /** Deletes the job's file; always answered. */
  | { readonly type: 'abort'; readonly job: number; readonly req: number };

export interface AssemblyReply {
  readonly req: number;
  /** Bytes in the job's file so far. */
  readonly size: number;
  readonly md5?: string;
  readonly sha1?: string;
  /** Why the request failed (an errno code or a message). */
  readonly error?: string;
}
