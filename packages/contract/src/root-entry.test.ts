import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * The root entry reaches the renderer and the preload, so nothing it loads at run time may
 * load zod: type-only imports are erased, every other import is followed. (The built bundles
 * are checked too, in apps/desktop/test/bundle-contents.int.test.ts.)
 */

const SRC = dirname(fileURLToPath(import.meta.url));
/** `import {...} from '...'` and `export ... from '...'`, without `import type` / `export type`. */
const RUNTIME_IMPORT = /^(?:import|export)\s+(?!type\b)[^;]*?\sfrom\s+'([^']+)';/gms;
const SIDE_EFFECT_IMPORT = /^import\s+'([^']+)';/gm;

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(RUNTIME_IMPORT), ...text.matchAll(SIDE_EFFECT_IMPORT)].map((m) => m[1]!);
}

/** Every module the file loads at run time, as relative paths or package names. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of runtimeImports(file)) {
      if (!specifier.startsWith('.')) packages.add(specifier);
      else {
        const base = resolve(dirname(file), specifier);
        const candidates = [`${base}.ts`, join(base, 'index.ts')];
        const found = candidates.find((c) => {
          try {
            readFileSync(c);
            return true;
          } catch {
            return false;
          }
        });
        if (found === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
        visit(found);
      }
    }
  };
  visit(entry);
  return { files, packages };
}

it('the root entry loads no package at run time, and none of the server or testing modules', () => {
  const { files, packages } = closure(join(SRC, 'index.ts'));
  expect([...packages]).toEqual([]);
  const relative = [...files].map((f) => f.slice(SRC.length + 1));
  expect(relative.filter((f) => f.startsWith('server/') || f.startsWith('testing/'))).toEqual([]);
  expect(relative).toContain('rpc/client.ts');
});

it('the import scan sees zod where it is used', () => {
  expect(closure(join(SRC, 'server', 'index.ts')).packages).toEqual(new Set(['zod']));
});
