/**
 * esbuild-wasm in the page: loaded on first intent, initialized once (its
 * `initialize` may be called only once: the promise is kept), running in its
 * own worker. Its .wasm is a file of the site (a hashed asset under the base
 * path), never a CDN.
 */
import { compile, type CompileResult, type EsbuildLike } from '../compiler/compile.ts';

let ready: Promise<EsbuildLike> | undefined;

/** Starts esbuild (idempotent) and warms it up with one transform (the first is slow). */
export function startCompiler(): Promise<EsbuildLike> {
  ready ??= (async () => {
    const [esbuild, { default: wasmURL }] = await Promise.all([import('esbuild-wasm'), import('esbuild-wasm/esbuild.wasm?url')]);
    await esbuild.initialize({ wasmURL, worker: true });
    await compile('await 0;', esbuild as unknown as EsbuildLike);
    return esbuild as unknown as EsbuildLike;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

/** Compiles a reader's program (starting esbuild if needed). */
export async function compileSource(source: string): Promise<CompileResult> {
  return compile(source, await startCompiler());
}
