/**
 * Compile a reader's TypeScript into a program the loop can run.
 *
 * One esbuild pass (esbuild-wasm in the browser, the native esbuild of the same version in Node: compiler/node.ts):
 * 1. blank out import/export syntax (module-syntax.ts) and wrap the file in
 *    `__main(async () => { ... })`, so the top level is the first task and
 *    top-level `await` works; line N of the reader's file is line N+1 here;
 * 2. strip types and lower async functions, async generators and `for await`
 *    to generators (everything else stays as written: target esnext);
 * 3. swap esbuild's `__async` helper for the loop's driver (runtime/driver.ts)
 *    and its async-generator helpers for spec-exact ones
 *    (runtime/async-generator.ts), keeping line numbers, so awaits are under
 *    the loop's control and ordering matches V8; first mend with a parser
 *    what esbuild's lowering loses: the shape and names of lowered functions
 *    and the for-await result check (lowered-functions.ts), and for programs
 *    with an async generator the spec's yield* and return
 *    (async-generator-fixups.ts); in the first of those, calls of one async
 *    function come to share its lowered body where nothing can tell
 *    (shared-bodies.ts; a straight-line arrow's becomes a state machine, which
 *    `createTask` takes in place of the arrow), and an awaited `sleep(ms)` that
 *    nothing else sees becomes `__sleep(ms)`, which needs no future
 *    (awaited-sleeps.ts).
 * The result carries esbuild's source map; stack traces are mapped back with it
 * (runtime/stack-map.ts).
 */
import {
  FIXUP_HELPERS,
  helperReference,
  HELPER_NAMES,
  isEntryLine,
  LOWERED_HELPERS,
  REPLACED_HELPERS,
  WRAPPER_LINES,
  wrapProgram,
  type CompiledProgram,
  type CompileResult,
  type SourceError,
} from '../contract/program.ts';
import { fixAsyncGenerators, needsAsyncGeneratorFixups, type ParseFn } from './async-generator-fixups.ts';
import { fixLoweredFunctions, needsLoweredFunctionFixups } from './lowered-functions.ts';
import { stripModuleSyntax } from './module-syntax.ts';

export type { CompiledProgram, CompileFailure, CompileResult } from '../contract/program.ts';

/**
 * A module loaded the first time it is asked for (its own chunk in the browser), or null if it
 * cannot be loaded: the program then compiles without what it does, and the next call tries again.
 */
function onDemand<T>(load: () => Promise<T>): () => Promise<T | null> {
  let loading: Promise<T | null> | undefined;
  return () =>
    (loading ??= load().catch(() => {
      loading = undefined;
      return null;
    }));
}

/** acorn, for every program with an async function, async generator or `for await`: without it, no fix-ups. */
const loadParser = onDemand(() => import('acorn').then((acorn) => acorn.parse as unknown as ParseFn));
/** The shared-bodies analysis (eslint-scope), for the lowered-function pass: without it a program runs the same, each call making its body afresh. */
const loadSharing = onDemand(() => import('./shared-bodies.ts').then((module) => module.sharedBodyEdits));

/** The part of esbuild's API the compiler uses (esbuild-wasm in the browser, native esbuild or esbuild-wasm in Node). */
export interface EsbuildLike {
  transform(
    input: string,
    options: {
      loader: 'ts';
      target: string;
      supported: Record<string, boolean>;
      sourcemap: 'external';
      sourcefile: string;
      tsconfigRaw?: object;
    },
  ): Promise<{ code: string; map: string; warnings: unknown[] }>;
}

interface EsbuildMessage {
  text: string;
  location: { line: number; column: number; lineText: string } | null;
}

/** Compile `source` (TypeScript) with `esbuild`; never throws for bad input, returns errors instead. */
export async function compile(source: string, esbuild: EsbuildLike, filename = 'main.ts'): Promise<CompileResult> {
  const { body, declarations, errors } = stripModuleSyntax(source);
  if (errors.length) return { ok: false, errors };
  const wrapped = wrapProgram(declarations, body);
  let output: { code: string; map: string };
  try {
    output = await esbuild.transform(wrapped, {
      loader: 'ts',
      target: 'esnext',
      // Decorators and `using` are lowered too: engines the playground runs on (Node 22, some browsers) lack them.
      supported: { 'async-await': false, 'async-generator': false, 'for-await': false, decorators: false, using: false },
      sourcemap: 'external',
      sourcefile: filename,
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: false } },
    });
  } catch (failure) {
    return { ok: false, errors: toSourceErrors(failure, source) };
  }
  if (needsLoweredFunctionFixups(output.code)) {
    const [parse, shareBodies] = await Promise.all([loadParser(), loadSharing()]);
    if (parse) {
      output = fixLoweredFunctions(output.code, output.map, parse, shareBodies ?? undefined);
      if (needsAsyncGeneratorFixups(output.code)) output = fixAsyncGenerators(output.code, output.map, parse);
    }
  }
  return {
    ok: true,
    code: replaceHelpers(output.code),
    map: output.map,
    lineOffset: WRAPPER_LINES,
    filename,
    source,
  };
}

/** esbuild's failure (an Error with `errors`) as errors at the reader's lines. */
function toSourceErrors(failure: unknown, source: string): SourceError[] {
  const messages = (failure as { errors?: EsbuildMessage[] }).errors;
  if (!Array.isArray(messages) || messages.length === 0) {
    return [{ line: 1, column: 0, message: String((failure as Error)?.message ?? failure), lineText: '' }];
  }
  const lines = source.split('\n');
  return messages.map((m) => {
    if (!m.location) return { line: 1, column: 0, message: m.text, lineText: lines[0] ?? '' };
    // The wrapper's line 1 holds the imports; an error there is reported on the reader's line 1.
    const line = Math.min(Math.max(1, m.location.line - WRAPPER_LINES), Math.max(1, lines.length));
    const inWrapper = m.location.line <= WRAPPER_LINES || m.location.line > lines.length + WRAPPER_LINES;
    return { line, column: inWrapper ? 0 : m.location.column, message: m.text, lineText: lines[line - 1] ?? '' };
  });
}

/**
 * esbuild prints its helpers before the first top-level statement, each one a
 * `var __name = ...` starting in column 0. Replace the definitions the runtime
 * provides (contract/program.ts REPLACED_HELPERS) with a reference to its own,
 * padding with empty lines so every later line keeps its number (the source
 * map stays valid).
 */
export function replaceHelpers(code: string): string {
  const lines = code.split('\n');
  const mainAt = lines.findIndex(isEntryLine);
  if (mainAt <= 0) return code;
  const out: string[] = [];
  // The names the compiler's own passes call are defined once, beside the first helper replaced.
  const body = lines.slice(mainAt).join('\n');
  let extra = [...Object.keys(FIXUP_HELPERS), ...Object.keys(LOWERED_HELPERS)].filter((n) => body.includes(`${n}(`));
  let i = 0;
  while (i < mainAt) {
    const match = /^var (__\w+) = /.exec(lines[i]!);
    let end = i + 1;
    while (end < mainAt && !lines[end]!.startsWith('var ')) end++;
    const name = match?.[1];
    if (name !== undefined && Object.hasOwn(REPLACED_HELPERS, name)) {
      const defined = [name, ...extra];
      extra = [];
      out.push(`var ${defined.map((n) => `${n} = ${helperReference(HELPER_NAMES[n]!)}`).join(', ')};`);
      for (let k = i + 1; k < end; k++) out.push('');
    } else {
      for (let k = i; k < end; k++) out.push(lines[k]!);
    }
    i = end;
  }
  for (let k = mainAt; k < lines.length; k++) out.push(lines[k]!);
  return out.join('\n');
}
