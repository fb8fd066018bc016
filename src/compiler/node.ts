/**
 * The compiler in Node (CLI and tests): esbuild-wasm runs its WebAssembly in a
 * child process there, so the same package and version compile code in the
 * browser and on the command line.
 */
import * as esbuild from 'esbuild-wasm';
import { compile, type CompileResult } from './compile.ts';

/** Compile `source` with esbuild-wasm in Node. */
export function compileInNode(source: string, filename = 'main.ts'): Promise<CompileResult> {
  return compile(source, esbuild, filename);
}
