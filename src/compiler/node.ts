/**
 * The compiler in Node (CLI, tests, benchmarks). It uses the native `esbuild`
 * package, which starts in milliseconds where esbuild-wasm takes seconds to
 * instantiate; the browser keeps esbuild-wasm. Both are the same esbuild
 * version (package.json pins them together) and give the same output:
 * tests/cli/compilers.test.ts compiles every corpus program and example with
 * both and compares the results.
 */
import { compile, type CompileResult, type EsbuildLike } from './compile.ts';

/** Which esbuild compiles: the native binary (default) or the WebAssembly build the browser uses. */
export type NodeCompiler = 'native' | 'wasm';

const compilers = new Map<NodeCompiler, Promise<EsbuildLike>>();

/** The esbuild package for `which`, imported once (neither is loaded until a program is compiled with it). */
function esbuildFor(which: NodeCompiler): Promise<EsbuildLike> {
  let loaded = compilers.get(which);
  if (!loaded) {
    loaded = which === 'native' ? import('esbuild') : import('esbuild-wasm');
    compilers.set(which, loaded);
  }
  return loaded;
}

/** Compile `source` in Node; `compiler` picks native esbuild (default) or esbuild-wasm. */
export async function compileInNode(source: string, filename = 'main.ts', compiler: NodeCompiler = 'native'): Promise<CompileResult> {
  return compile(source, await esbuildFor(compiler), filename);
}
