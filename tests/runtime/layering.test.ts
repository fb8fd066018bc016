/**
 * Who may import whom (issue 17): the compiler and the runtime meet only in
 * src/contract/program.ts. The runtime imports nothing from src/compiler, the
 * compiler nothing from src/runtime, and the contract nothing from either.
 * Imports are read from the source text (static, dynamic and type-only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mts|js|mjs)$/.test(f))
    .map((f) => join(dir, f));
}

/** Every relative import of `file`, resolved to a path from the repository root. */
export function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm)].map((m) => m[2]!);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
}

/** Files under `from` importing anything under one of `forbidden`, as "file -> import". */
function crossings(from: string, forbidden: string[]): string[] {
  return sourceFiles(from).flatMap((file) =>
    importsOf(file)
      .filter((target) => forbidden.some((dir) => target === dir || target.startsWith(dir + '/')))
      .map((target) => `${file} -> ${target}`),
  );
}

describe('the compiler-runtime contract is the only link', () => {
  it('reads static, dynamic and type-only imports', () => {
    const text = "import { a } from '../compiler/a.ts';\nimport type { B } from \"./b.ts\";\nconst c = await import('../x/c.ts');\nimport './d.ts';\nimport e from 'pkg';";
    expect(importsOf('src/runtime/f.ts', text)).toEqual(['src/compiler/a.ts', 'src/runtime/b.ts', 'src/x/c.ts', 'src/runtime/d.ts']);
  });

  it('src/runtime imports nothing from src/compiler', () => {
    expect(crossings('src/runtime', ['src/compiler'])).toEqual([]);
  });

  it('src/compiler imports nothing from src/runtime', () => {
    expect(crossings('src/compiler', ['src/runtime'])).toEqual([]);
  });

  it('src/contract imports nothing from either side', () => {
    expect(crossings('src/contract', ['src/runtime', 'src/compiler'])).toEqual([]);
  });

  it('both sides import the contract', () => {
    expect(sourceFiles('src/runtime').some((f) => importsOf(f).includes('src/contract/program.ts'))).toBe(true);
    expect(sourceFiles('src/compiler').some((f) => importsOf(f).includes('src/contract/program.ts'))).toBe(true);
  });
});
