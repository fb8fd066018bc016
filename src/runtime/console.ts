/**
 * The console a program sees: every call becomes one `log` trace event with
 * the virtual time, the running task and the level. Values are formatted by
 * node-inspect-extracted (Node's own util.inspect, packaged for browsers), so
 * output reads exactly as `node` prints it.
 */
import { formatWithOptions, inspect } from 'node-inspect-extracted';
import type { Loop } from './loop.ts';
import { list, ReflectApply, StringPrototypeIndexOf, StringPrototypeSplit } from './primordials.ts';
import { promiseState } from './promise.ts';
import type { LogLevel } from './trace.ts';

/** The subset of the console API programs get. */
export interface ProgramConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  trace(...args: unknown[]): void;
  dir(value: unknown, options?: object): void;
  table(data: unknown): void;
  assert(condition: unknown, ...args: unknown[]): void;
  count(label?: string): void;
  countReset(label?: string): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
  timeLog(label?: string, ...args: unknown[]): void;
  group(...args: unknown[]): void;
  groupEnd(): void;
}

/** Format console arguments as Node does (printf-style first argument, util.inspect for the rest). */
export function formatArgs(args: unknown[]): string {
  // Strings and the primitives util.inspect prints as their plain text (no printf directive
  // in a first string) are joined here, with nothing a program can patch: a program that broke
  // Array.prototype still prints its messages (tests/runtime/primordials.test.ts), and a line
  // like `console.log('woke', i)` costs no call into util.inspect (bench (b): one per task).
  // Same text as formatWithOptions: tests/runtime/console.test.ts (plain primitives).
  let text = '';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let part: string;
    if (typeof arg === 'string') {
      if (i === 0 && StringPrototypeIndexOf(arg, '%') !== -1) return formatInspected(args);
      part = arg;
    } else if (typeof arg === 'number') {
      // util.inspect's formatNumber without numeric separators: `${n}`, except that -0 shows its sign.
      part = arg === 0 && 1 / arg < 0 ? '-0' : `${arg}`;
    } else if (typeof arg === 'boolean' || arg === undefined || arg === null) {
      part = `${arg}`;
    } else if (typeof arg === 'bigint') {
      part = `${arg}n`;
    } else {
      return formatInspected(args);
    }
    text += i === 0 ? part : ` ${part}`;
  }
  return text;
}

/** The general case: util.inspect (node-inspect-extracted) formats the arguments. */
function formatInspected(args: unknown[]): string {
  // A prototype-less list (no spread, no index write that could meet an inherited setter):
  // Reflect.apply reads only its length and elements.
  const call = list<unknown>();
  call[0] = FORMAT_OPTIONS;
  for (let i = 0; i < args.length; i++) call[i + 1] = args[i];
  return ReflectApply(formatWithOptions, undefined, call) as string;
}

const FORMAT_OPTIONS = { colors: false };

/** Every line of `text` after `indent` (console.group), with captured String methods only. */
function indentLines(text: string, indent: string): string {
  const lines = StringPrototypeSplit(text, '\n');
  let out = '';
  for (let i = 0; i < lines.length; i++) out += (i === 0 ? '' : '\n') + indent + lines[i];
  return out;
}

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * This run's promises print as Node prints its own (`Promise { 1 }`,
 * `Promise { <pending> }`, `Promise { <rejected> Error: ... }`): util.inspect
 * only recognises the engine's promises, so ours say how to show themselves.
 */
function inspectPromise(this: object, depth: number, options: { depth?: number | null }, show: typeof inspect): string {
  const state = promiseState(this);
  if (state === undefined) return 'Promise {}';
  if (state.state === 'pending') return 'Promise { <pending> }';
  if (depth < 0) return '[Promise]';
  const inner = (state.state === 'rejected' ? '<rejected> ' : '') + show(state.value, { ...options, depth: options.depth == null ? null : options.depth - 1 });
  return inner.includes('\n') || inner.length > 66 ? `Promise {\n  ${inner.replace(/\n/g, '\n  ')}\n}` : `Promise { ${inner} }`;
}

/** Build the console for one run; lines beyond the loop's output limit stop the run (the runner says so in the run's language). */
export function createConsole(loop: Loop): ProgramConsole {
  Object.defineProperty(loop.Promise.prototype, INSPECT, { value: inspectPromise, configurable: true, writable: true });
  let indent = '';
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();

  const emit = (level: LogLevel, text: string): void => {
    if (loop.stopped) return;
    if (loop.lines >= loop.limits.outputLimit) {
      loop.stopNow({ reason: 'output-limit', limit: loop.limits.outputLimit });
    }
    loop.lines++;
    const body = indent ? indentLines(text, indent) : text;
    loop.trace.addLog(loop.now, loop.current?.id ?? 0, level, body);
  };

  const make = (level: LogLevel) => (...args: unknown[]) => emit(level, formatArgs(args));
  const elapsed = (label: string): string | undefined => {
    const start = timers.get(label);
    return start === undefined ? undefined : `${label}: ${formatElapsed(loop.now - start)}`;
  };

  return {
    log: make('log'),
    info: make('info'),
    warn: make('warn'),
    error: make('error'),
    debug: make('debug'),
    // As Node: "Trace: message" (or "Trace"), then the stack. While a program runs, stacks are
    // mapped to the reader's file and the runtime's own frames are left out (program.ts).
    trace: (...args) => {
      const frames = (new Error().stack ?? '').split('\n').slice(1).join('\n');
      emit('error', `Trace${args.length ? `: ${formatArgs(args)}` : ''}${frames ? `\n${frames}` : ''}`);
    },
    dir: (value, options) => emit('log', inspect(value, { ...options, colors: false })),
    table: (data) => emit('log', inspect(data, { colors: false })),
    assert: (condition, ...args) => {
      if (!condition) emit('error', args.length ? `Assertion failed: ${formatArgs(args)}` : 'Assertion failed');
    },
    count: (label = 'default') => {
      const n = (counts.get(label) ?? 0) + 1;
      counts.set(label, n);
      emit('info', `${label}: ${n}`);
    },
    countReset: (label = 'default') => {
      counts.set(label, 0);
    },
    time: (label = 'default') => {
      timers.set(label, loop.now);
    },
    timeEnd: (label = 'default') => {
      const text = elapsed(label);
      timers.delete(label);
      if (text) emit('info', text);
    },
    timeLog: (label = 'default', ...args) => {
      const text = elapsed(label);
      if (text) emit('info', args.length ? `${text} ${formatArgs(args)}` : text);
    },
    group: (...args) => {
      if (args.length) emit('log', formatArgs(args));
      indent += '  ';
    },
    groupEnd: () => {
      indent = indent.slice(2);
    },
  };
}

/** Node prints console.time durations like "1.234s" or "12ms"; virtual time is whole or fractional ms. */
function formatElapsed(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(3)}s`;
  return `${Number.isInteger(ms) ? ms : ms.toFixed(3)}ms`;
}
