/**
 * The part of Vite's `import.meta.hot` the UI uses. Vite defines it in its dev server only
 * (`pnpm dev`); in builds and tests it is undefined.
 */
declare global {
  interface ImportMeta {
    readonly hot?: {
      accept(
        deps: readonly string[],
        onUpdate: (modules: readonly (Record<string, unknown> | undefined)[]) => void,
      ): void;
    };
  }
}

export {};
