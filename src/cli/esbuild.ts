/**
 * The native esbuild for the CLI's compiles, the same package and compile as
 * src/compiler/node.ts's (tests/cli/compilers.test.ts holds that it matches
 * esbuild-wasm), but loaded with require: importing esbuild's CommonJS from
 * ES modules makes Node scan its source for export names first, which cost
 * tens of ms at every start here. Loaded only when a program is not in the
 * compiled-program cache (program-cache.ts).
 */
import { createRequire } from 'node:module';
import { compile, type CompileResult, type EsbuildLike } from '../compiler/compile.ts';

let esbuild: EsbuildLike | undefined;

/** Compile `source` (named `filename`) with the native esbuild. */
export function compileNative(source: string, filename: string): Promise<CompileResult> {
  esbuild ??= createRequire(import.meta.url)('esbuild') as EsbuildLike;
  return compile(source, esbuild, filename);
}
