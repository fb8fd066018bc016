/**
 * The globals a program has, declared for the editor's type checker: exactly
 * what the runner provides (src/runtime/globals.ts: console, timers,
 * queueMicrotask, a virtual `performance`, Node's setImmediate and
 * process.nextTick; Promise, Date and Math are the
 * language's own, from the `esnext` lib), and AbortController, which the
 * worker and Node both have and the guide uses; not the DOM - programs run in a
 * worker on the loop, where `document` or `fetch` would only mislead
 * (issue 10.1). tests/playground/dts.test.ts checks that every name
 * globals.ts installs is declared here and that every example type-checks
 * with these declarations alone; tests/browser/editor.test.ts opens every
 * example in the editor and finds no error marker.
 */

/** Declarations added to the editor as a global script (no import or export: its names are global). */
export const PROGRAM_GLOBALS_DTS = `/** The console of the playground: lines appear with their virtual time and task. */
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  trace(...data: any[]): void;
  dir(item?: any, options?: any): void;
  table(tabularData?: any): void;
  assert(condition?: boolean, ...data: any[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...data: any[]): void;
  group(...data: any[]): void;
  groupEnd(): void;
}
declare var console: Console;

/** Runs \`handler\` after \`timeout\` virtual milliseconds (Node's rules: below 1 ms means 1 ms). */
declare function setTimeout<A extends any[]>(handler: (...args: A) => void, timeout?: number, ...args: A): number;
/** Runs \`handler\` every \`timeout\` virtual milliseconds until clearInterval. */
declare function setInterval<A extends any[]>(handler: (...args: A) => void, timeout?: number, ...args: A): number;
declare function clearTimeout(id?: number): void;
declare function clearInterval(id?: number): void;
/** Queues \`callback\` as a microtask of the loop. */
declare function queueMicrotask(callback: () => void): void;

/** Node's immediate: what setImmediate returns. */
interface Immediate {
  ref(): Immediate;
  unref(): Immediate;
  hasRef(): boolean;
}
/** Runs \`callback\` in Node's check phase: after the timers due now, before the clock moves on. */
declare function setImmediate<A extends any[]>(callback: (...args: A) => void, ...args: A): Immediate;
declare function clearImmediate(immediate?: Immediate): void;
/** Node's process, on the loop: only \`nextTick\`, whose callbacks run before the promise jobs of the callback that queued them. */
declare var process: { nextTick<A extends any[]>(callback: (...args: A) => void, ...args: A): void };

/** The loop's virtual clock: \`performance.now()\` is the virtual time in ms. */
declare var performance: { now(): number; readonly timeOrigin: number };

/** The host's own (the worker's, Node's): cancellation is opt-in in JavaScript. Not AbortSignal.timeout, which would run on real time. */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((event: { type: 'abort' }) => any) | null;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: (event: { type: 'abort' }) => any, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: (event: { type: 'abort' }) => any): void;
}
declare var AbortSignal: { prototype: AbortSignal; abort(reason?: any): AbortSignal; any(signals: AbortSignal[]): AbortSignal };
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: any): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };
`;

/** Names PROGRAM_GLOBALS_DTS declares (the rest of the contract's PROGRAM_GLOBALS come from the esnext lib). */
export const DECLARED_GLOBALS = ['console', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask', 'performance', 'process', 'setImmediate', 'clearImmediate'] as const;
/** The host's own globals a program may use as it would in Node (the worker has them too). */
export const HOST_GLOBALS = ['AbortController', 'AbortSignal'] as const;
/** Globals the runner passes that the language itself declares. */
export const LANGUAGE_GLOBALS = ['Promise', 'Date', 'Math'] as const;
