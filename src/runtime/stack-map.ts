/**
 * Map V8 stack traces of a compiled program back to the reader's TypeScript.
 *
 * The runner builds the program with `new Function(..., code + sourceURL)`, so
 * V8 names its frames `<filename>.js:line:column`, counting the lines of the
 * function header it adds. We measure that header once instead of assuming it,
 * then map each frame through esbuild's source map and drop the frames that are
 * the runtime's own (they mean nothing to a reader).
 */
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { programUrl, type CompiledProgram } from '../contract/program.ts';

let headerLines: number | undefined;

/** Lines V8 adds before a `new Function` body (2 in current V8). */
export function functionHeaderLines(): number {
  if (headerLines === undefined) {
    headerLines = 2;
    try {
      new Function('throw new Error("probe")\n//# sourceURL=__probe__.js')();
    } catch (error) {
      const match = /__probe__\.js:(\d+):\d+/.exec(String((error as Error).stack));
      if (match) headerLines = Number(match[1]) - 1;
    }
  }
  return headerLines;
}

/** Maps positions in the compiled program to the reader's file. */
export class StackMapper {
  readonly #program: CompiledProgram;
  #map: TraceMap | undefined;

  constructor(program: CompiledProgram) {
    this.#program = program;
  }

  /** The reader's (line, column), both 1-based, for a generated position (1-based line and column, as V8 prints). */
  original(line: number, column: number): { line: number; column: number } | null {
    this.#map ??= new TraceMap(this.#program.map);
    const pos = originalPositionFor(this.#map, { line: line - functionHeaderLines(), column: Math.max(0, column - 1) });
    if (pos.line === null || pos.column === null) return null;
    const userLine = pos.line - this.#program.lineOffset;
    if (userLine < 1) return null;
    return { line: userLine, column: pos.column + 1 };
  }

  /** True for a frame line this mapper wrote: "    at name (file:line:col)" or "    at file:line:col". */
  #isMapped(line: string): boolean {
    const file = this.#program.filename;
    const end = /:(\d+):(\d+)\)?$/.exec(line);
    if (!end) return false;
    const before = line.slice(0, end.index);
    return before.endsWith(`(${file}`) || before.endsWith(`at ${file}`);
  }

  /**
   * The text V8 would give `error.stack` for these call sites, mapped: what
   * `Error.prepareStackTrace` returns while a program runs, so that every
   * stack a program sees or prints (console.log(error), error.stack) points at
   * the reader's lines, as Node's --enable-source-maps does.
   */
  formatStack(error: unknown, sites: readonly { toString(): string }[]): string {
    let header: string;
    try {
      header = Error.prototype.toString.call(error);
    } catch {
      header = 'Error';
    }
    return this.mapStack(header + sites.map((site) => `\n    at ${String(site)}`).join(''));
  }

  /** Rewrite a V8 stack: program frames point at the reader's file, runtime frames are dropped. */
  mapStack(stack: string): string {
    const url = programUrl(this.#program);
    const lines = stack.split('\n');
    const out: string[] = [];
    for (const line of lines) {
      if (!/^\s+at\s/.test(line)) {
        out.push(line);
        continue;
      }
      const at = line.lastIndexOf(url + ':');
      if (at === -1) {
        // Already mapped (a stack formatted during the run): keep it, so mapping twice changes nothing.
        if (this.#isMapped(line)) out.push(line);
        continue;
      }
      const match = /:(\d+):(\d+)\)?$/.exec(line.slice(at + url.length));
      if (!match) continue;
      const pos = this.original(Number(match[1]), Number(match[2]));
      if (!pos) continue;
      const where = `${this.#program.filename}:${pos.line}:${pos.column}`;
      const fn = /^\s+at\s+(?:async\s+)?(.*?)\s+\(/.exec(line)?.[1];
      // A lowered async function runs as its shared body (`__asyncBody1`, called with the function's
      // `this`: `Object.__asyncBody1` for a method, as Node prints `Object.m`; a state machine's
      // frame is `__asyncBody1.next`) or an anonymous generator: the reader's name comes from the source.
      const receiver = fn !== undefined ? /^([\w$]+)\.__asyncBody\d+$/.exec(fn)?.[1] : undefined;
      const lowered = !fn || fn.includes(url) || receiver !== undefined || /^(Generator\.|__async|eval|new Function|anonymous)/.test(fn);
      const own = lowered ? enclosingFunctionName(this.#program.source, pos.line, pos.column) : fn;
      const name = own && receiver !== undefined ? `${receiver}.${own}` : own;
      out.push(name ? `    at ${name} (${where})` : `    at ${where}`);
    }
    return out.join('\n');
  }
}

/**
 * The name of the function enclosing (line, column) in `source`: walk back to
 * the nearest unmatched `{` and read the declaration before it. A heuristic
 * (strings and comments containing braces can fool it); it only names frames.
 */
export function enclosingFunctionName(source: string, line: number, column: number): string {
  const lines = source.split('\n');
  let depth = 0;
  for (let l = line - 1; l >= 0; l--) {
    const text = lines[l] ?? '';
    for (let c = (l === line - 1 ? column - 1 : text.length) - 1; c >= 0; c--) {
      const ch = text[c];
      if (ch === '}') depth++;
      else if (ch === '{' && depth-- === 0) {
        const head = (lines[l - 1] ?? '') + ' ' + text.slice(0, c);
        const m =
          /function\*?\s+([\w$]+)\s*(?:<[^>]*>)?\s*\([^)]*\)[^()]*$/.exec(head) ??
          /([\w$]+)\s*[:=]\s*(?:async\s+)?(?:function\b[^(]*)?\([^)]*\)[^()]*$/.exec(head) ??
          /(?:^|\s)(?:async\s+)?\*?([\w$]+)\s*\([^)]*\)[^()]*$/.exec(head);
        const name = m?.[1];
        if (name && !['if', 'for', 'while', 'switch', 'catch', 'function', 'return'].includes(name)) return name;
        if (/=>\s*$/.test(head) || /\)\s*$/.test(head.trimEnd())) {
          depth = 0;
          continue;
        }
        return '';
      }
    }
  }
  return '';
}
