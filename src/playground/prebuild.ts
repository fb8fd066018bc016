/**
 * Build time: the guide's examples compiled once when the site is built, with
 * the same compiler and esbuild-wasm version the page uses
 * (src/compiler/node.ts), so that Run on an unmodified example needs no
 * compiler in the page (issue 10.2; tests/browser/first-run.test.ts). The
 * page compiles only what the reader edited.
 */
import type { CompiledProgram } from '../compiler/compile.ts';
import { compileInNode } from '../compiler/node.ts';

const cache = new Map<string, Promise<CompiledProgram | undefined>>();

/** The compiled program of `source` (undefined if it does not compile: the page then reports the error as for an edit). */
export function prebuild(source: string): Promise<CompiledProgram | undefined> {
  let program = cache.get(source);
  if (!program) {
    program = compileInNode(source).then((result) => (result.ok ? result : undefined));
    cache.set(source, program);
  }
  return program;
}

/** JSON for a `<script type="application/json">` element (no `</script>` can end it early). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
