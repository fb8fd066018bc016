/**
 * esbuild-wasm in the page: loaded on first intent, initialized once (its
 * `initialize` may be called only once: the promise is kept), running in its
 * own worker. Its .wasm is a file of the site (a hashed asset under the base
 * path), never a CDN.
 */
import { compile, type CompileResult, type EsbuildLike } from '../compiler/compile.ts';
import { WARM_UP_PROGRAM, warmUp } from './compiler-warmup.ts';

let ready: Promise<EsbuildLike> | undefined;
/** Readers' compiles in flight (the warm-up waits while there are any). */
let inFlight = 0;

/** Starts esbuild (idempotent), warms it up with one transform (the first is slow), then more while idle. */
export function startCompiler(): Promise<EsbuildLike> {
  ready ??= (async () => {
    const [esbuild, { default: wasmURL }] = await Promise.all([import('esbuild-wasm'), import('esbuild-wasm/esbuild.wasm?url')]);
    await esbuild.initialize({ wasmURL, worker: true });
    const compiler = esbuild as unknown as EsbuildLike;
    await compile('await 0;', compiler);
    void warmUp((i) => compile(`${WARM_UP_PROGRAM}// ${i}\n`, compiler), { transforms: 25, gapMs: 50, isBusy: () => inFlight > 0 });
    return compiler;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

/** Compiles a reader's program (starting esbuild if needed). */
export async function compileSource(source: string): Promise<CompileResult> {
  inFlight++;
  try {
    return await compile(source, await startCompiler());
  } finally {
    inFlight--;
  }
}
