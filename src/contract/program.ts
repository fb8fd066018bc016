/**
 * The contract between the compiler (src/compiler) and the runtime
 * (src/runtime/program.ts): what a compiled program is and which names its
 * code may use. Both sides import this module and nothing of each other
 * (tests/runtime/layering.test.ts holds that), so a name changed here changes
 * on both sides or fails to type-check.
 *
 * A compiled program is the body of a function the runtime builds with
 * `new Function(...PROGRAM_PARAMETERS, code)`:
 * - `__ml` is the "miniloop" module: imports become `const { sleep } = __ml;`;
 * - `__helpers` holds the runtime's replacements for esbuild's helpers
 *   (`var __async = __helpers.async;`), see {@link ProgramHelpers};
 * - `__main(fn)` registers the top level, an async function, run as the
 *   first task;
 * - then the JavaScript globals rebuilt on virtual time (setTimeout, Date, ...),
 *   which shadow the real ones.
 * Line N of the reader's file is line N + {@link WRAPPER_LINES} of the source
 * esbuild compiles; the program carries esbuild's source map.
 * Tests: tests/runtime/contract.test.ts.
 */

/** The one module a program may import; it resolves to `__ml`. */
export const RUNTIME_MODULE = 'miniloop';

/** Parameter holding the runtime's public API (the "miniloop" module). */
export const API_PARAM = '__ml';
/** Parameter holding the helpers of {@link ProgramHelpers}. */
export const HELPERS_PARAM = '__helpers';
/** Parameter the wrapper calls once with the program's top level. */
export const ENTRY_PARAM = '__main';

/** The JavaScript globals a program gets from the runtime (runtime/globals.ts), in parameter order. */
export const PROGRAM_GLOBALS = [
  'Promise',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'queueMicrotask',
  'console',
  'Date',
  'performance',
  'Math',
  'process',
  'setImmediate',
  'clearImmediate',
] as const;

/** One of {@link PROGRAM_GLOBALS}. */
export type ProgramGlobalName = (typeof PROGRAM_GLOBALS)[number];

/** Every parameter of the function a program's code is the body of, in order. */
export const PROGRAM_PARAMETERS = [API_PARAM, HELPERS_PARAM, ENTRY_PARAM, ...PROGRAM_GLOBALS] as const;

/** Lines the wrapper adds before the reader's first line. */
export const WRAPPER_LINES = 1;

/**
 * The source esbuild compiles: the reader's `body` (module syntax blanked out)
 * inside `__main(async () => { ... })`, with the import `declarations` on the
 * wrapper's own line, so every line of the reader's moves down by exactly
 * {@link WRAPPER_LINES}.
 */
export function wrapProgram(declarations: string, body: string): string {
  return `${ENTRY_PARAM}(async () => {${declarations}\n${body}\n});`;
}

/** Whether a line of compiled code is the wrapper's call (esbuild prints its helpers before it). */
export function isEntryLine(line: string): boolean {
  return line.startsWith(`${ENTRY_PARAM}(`);
}

/** The declaration binding an import clause to the API, e.g. `const { sleep, now: clock } = __ml;`. */
export function importDeclaration(pattern: string): string {
  return `const ${pattern} = ${API_PARAM};`;
}

/** A lowered body: the generator function esbuild makes of an async function or async generator. */
export type LoweredBody = (...args: unknown[]) => Generator;

/** A lowered body the compiler wrote as a state machine (compiler/state-machines.ts): stepped as a generator is. */
export interface StateMachineBody {
  next(value?: unknown): IteratorResult<unknown, unknown>;
  throw(error: unknown): IteratorResult<unknown, unknown>;
}

/** The object a call of a lowered async generator gives: the async-generator protocol (no `asyncDispose`: the runtime's own class). */
export interface AsyncGeneratorObject {
  next(value?: unknown): Promise<IteratorResult<unknown>>;
  throw(error?: unknown): Promise<IteratorResult<unknown>>;
  return(value?: unknown): Promise<IteratorResult<unknown>>;
  [Symbol.asyncIterator](): AsyncGeneratorObject;
}

/**
 * What the runtime passes as `__helpers`. Each key is reached from compiled
 * code under one esbuild helper name ({@link HELPER_NAMES}).
 */
export interface ProgramHelpers {
  /**
   * `__async(thisArg, args, body, shared?)`: drives a lowered async function on the loop; returns its promise.
   * `shared` 1: `body` serves every call (compiler/shared-bodies.ts); 3: `body` is a state machine
   * (compiler/state-machines.ts), constructed by the call's shell from a class every call shares.
   */
  async(thisArg: unknown, args: unknown, body: LoweredBody | StateMachineBody, shared?: 1 | 3): Promise<unknown>;
  /** `__asyncGenerator(thisArg, args, body)`: an async generator as esbuild lowered it. */
  asyncGenerator(thisArg: unknown, args: unknown, body: LoweredBody): AsyncGeneratorObject;
  /** `__asyncGenMended(...)`: an async generator whose `return expr` the compiler's fix-ups made await in place. */
  asyncGenMended(thisArg: unknown, args: unknown, body: LoweredBody): AsyncGeneratorObject;
  /** `new __await(value, mode?)`: what a lowered body yields for `await value`. */
  await: new (value: unknown, mode?: unknown) => object;
  /** `__yieldStar(value)`: `yield*` in code the fix-ups could not parse. */
  yieldStar(value: unknown): Iterator<unknown>;
  /** `__asyncStar(value)`: `yield*` inside an async generator (sync iterables are wrapped as the spec says). */
  asyncStar(value: unknown): Iterator<unknown>;
  /** `__forAwait(value)`: the iterator record of a lowered `for await` (next read once, return read at close). */
  forAwait(value: unknown): object;
  /** `__yieldSync(value)`: `yield*` inside a sync generator: the engine's own delegation. */
  yieldSync<T>(value: T): T;
  /** `__lowered(fn, kind, name?)`: give a lowered function (kind: {@link LOWERED_KIND} bits) the shape Node gives it; returns `fn`. */
  lowered<F extends object>(fn: F, kind: number, name?: string): F;
  /** `__loweredMethods(target, isClass, [key, kind, ...])`: {@link lowered} for the async methods of an object literal or a class ({@link LOWERED_KIND}.STATIC: on the class, not its prototype). */
  loweredMethods<T extends object>(target: T, isClass: number, entries: ReadonlyArray<string | number>): T;
  /** `__forAwaitResult(result)`: a `for await` step's awaited next() result, or the spec's TypeError when it is not an object. */
  forAwaitResult<T>(result: T): T;
  /**
   * `__sleep(ms)`: `sleep(ms)` (the "miniloop" module's) where a lowered async function awaits it at
   * once and nothing else sees it (compiler/awaited-sleeps.ts): the awaiting frame may sleep on its
   * own timer, with no future (runtime/driver.ts, awaitedSleepHelper).
   */
  sleep(ms: number): unknown;
  /**
   * `__taskOf(machine, options?)`: the module's `createTask(async () => ..., options?)` where the
   * arrow's body is a state machine made in place of the arrow (compiler/shared-bodies.ts): the
   * task starts the machine as calling the arrow would (runtime/task.ts, machineTask).
   */
  taskOf(machine: StateMachineBody, options?: unknown): unknown;
}

/**
 * The bits of a lowered function's `kind` (`__lowered`, `__loweredMethods`): 0 is an async function.
 * - ASYNC_GENERATOR: an async generator function.
 * - STATIC: a static method, on the class rather than its prototype (`__loweredMethods` of a class).
 * - DIRECT: calling it runs no program code before the helper: its shell's parameters are names or
 *   literal defaults and the helper gets `this`/`null` and `null`/`arguments` (a spread `[..._0]`
 *   would call Array.prototype[Symbol.iterator], which a program may replace). The runtime starts a
 *   task body like this without a promise (runtime/driver.ts, UNMADE).
 */
export const LOWERED_KIND = { ASYNC_GENERATOR: 1, STATIC: 2, DIRECT: 4 } as const;

/** esbuild's helpers that the runtime replaces: esbuild's name -> key in {@link ProgramHelpers}. */
export const REPLACED_HELPERS = {
  __async: 'async',
  __asyncGenerator: 'asyncGenerator',
  __await: 'await',
  __yieldStar: 'yieldStar',
  __forAwait: 'forAwait',
} as const satisfies Record<string, keyof ProgramHelpers>;

/**
 * Names the compiler's async-generator fix-ups rename calls to
 * (compiler/async-generator-fixups.ts), defined beside `__asyncGenerator`.
 * Each has the length of the name it replaces, so no column moves.
 */
export const FIXUP_HELPERS = {
  __asyncGenMended: 'asyncGenMended',
  __asyncStar: 'asyncStar',
  __yieldSync: 'yieldSync',
} as const satisfies Record<string, keyof ProgramHelpers>;

/** Which esbuild name each fix-up name replaces (same length: tests/runtime/contract.test.ts). */
export const FIXUP_REPLACES = {
  __asyncGenMended: '__asyncGenerator',
  __asyncStar: '__yieldStar',
  __yieldSync: '__yieldStar',
} as const satisfies Record<keyof typeof FIXUP_HELPERS, keyof typeof REPLACED_HELPERS>;

/**
 * Names the compiler's lowered-function pass adds calls to
 * (compiler/lowered-functions.ts), defined beside the first helper esbuild
 * printed; its edits move the source map's columns themselves.
 */
export const LOWERED_HELPERS = {
  __lowered: 'lowered',
  __loweredMethods: 'loweredMethods',
  __forAwaitResult: 'forAwaitResult',
  __sleep: 'sleep',
  __taskOf: 'taskOf',
} as const satisfies Record<string, keyof ProgramHelpers>;

/** Every helper name compiled code may use, with its key in {@link ProgramHelpers}. */
export const HELPER_NAMES: Readonly<Record<string, keyof ProgramHelpers>> = { ...REPLACED_HELPERS, ...FIXUP_HELPERS, ...LOWERED_HELPERS };

type NamedKey =
  | (typeof REPLACED_HELPERS)[keyof typeof REPLACED_HELPERS]
  | (typeof FIXUP_HELPERS)[keyof typeof FIXUP_HELPERS]
  | (typeof LOWERED_HELPERS)[keyof typeof LOWERED_HELPERS];
type MustBeNever<T extends never> = T;
/** Keys of ProgramHelpers no name reaches: must be none, or this fails to type-check. */
export type UnnamedHelpers = MustBeNever<Exclude<keyof ProgramHelpers, NamedKey>>;

/** The expression compiled code uses to reach a helper, e.g. `__helpers.async`. */
export function helperReference(key: keyof ProgramHelpers): string {
  return `${HELPERS_PARAM}.${key}`;
}

/** A compile error located in the reader's source (line 1-based, column 0-based, as esbuild counts). */
export interface SourceError {
  line: number;
  column: number;
  message: string;
  lineText: string;
}

/** A compiled program: what the compiler hands the runtime (and the playground posts to its sandbox). */
export interface CompiledProgram {
  ok: true;
  /** Body of the function the runner builds with {@link PROGRAM_PARAMETERS}; it calls `__main(fn)` once. */
  code: string;
  /** esbuild's source map (JSON) from `code` to the wrapped source. */
  map: string;
  /** Lines the wrapper adds before the reader's first line ({@link WRAPPER_LINES}). */
  lineOffset: number;
  /** The reader's file name, used in stack traces. */
  filename: string;
  /** The reader's source, for error excerpts and naming stack frames. */
  source: string;
}

/** A program that did not compile. */
export interface CompileFailure {
  ok: false;
  errors: SourceError[];
}

/** What compiling gives. */
export type CompileResult = CompiledProgram | CompileFailure;

/** The sourceURL the runtime gives a program's code, so V8 names its frames `<filename>.js:line:column`. */
export function programUrl(program: Pick<CompiledProgram, 'filename'>): string {
  return `${program.filename}.js`;
}
