/**
 * The guide's playground examples as files: content/examples/<page>/<name>.ts
 * (and a language variant <name>.<lang>.ts), each with its expected output
 * beside it (<name>.out, <name>.<lang>.out). Runs them on the loop the way the
 * playground does and reports one that does not compile by file and line. Used by
 * `npm run examples:update`, `npm run check:content` and the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { compileInNode } from '../../src/compiler/node.ts';
import { runProgram } from '../../src/runtime/program.ts';

export interface ExampleFile {
  /** '<page>/<name>', the id pages use in <Playground example="..."> */
  id: string;
  /** undefined for the main source, 'zh' for <name>.zh.ts */
  lang?: string;
  /** Absolute path of the .ts file */
  source: string;
  /** Absolute path of its expected output */
  out: string;
}

/** Every example source under `<root>/content/examples`, sorted. */
export function exampleFiles(root: string): ExampleFile[] {
  const dir = join(root, 'content/examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => {
      const m = f.match(/^(.*?)(?:\.([a-z]{2}))?\.ts$/)!;
      return { id: m[1]!, lang: m[2], source: join(dir, f), out: join(dir, f.replace(/\.ts$/, '.out')) };
    });
}

export type RunOutcome =
  /** `failure`: the run ended with an error the playground shows (some examples show one on purpose). */
  | { ok: true; output: string; times: number[]; failure?: { where: string; message: string } }
  | { ok: false; where: string; message: string };

/**
 * Compile and run one example. Its output is the console text, one line per
 * console line (as the playground shows it before any run). A compile error
 * or a failed run comes back as `where` ('content/examples/a/b.ts:12:5') and
 * a plain message, not a stack trace.
 */
export async function runExample(root: string, file: ExampleFile): Promise<RunOutcome> {
  const text = readFileSync(file.source, 'utf8');
  const rel = relative(resolve(root), file.source);
  const compiled = await compileInNode(text, rel);
  if (!compiled.ok) {
    const e = compiled.errors[0]!;
    return { ok: false, where: `${rel}:${e.line}:${e.column + 1}`, message: `does not compile: ${e.message}` };
  }
  const result = runProgram(compiled);
  const output = { ok: true as const, output: result.lines.map((l) => l.text).join('\n'), times: result.lines.map((l) => l.t) };
  if (result.status !== 'ok') {
    const message = result.problems[0]?.message ?? 'the run failed';
    // Stacks are mapped to the reader's file: take the first frame's line.
    const line = message.match(/\.ts:(\d+)(?::(\d+))?/);
    const where = line ? `${rel}:${line[1]}${line[2] ? `:${line[2]}` : ''}` : rel;
    return { ...output, failure: { where, message: `ends with an error: ${message.split('\n')[0]}` } };
  }
  return output;
}

/** The expected output as stored (without the final newline), or undefined when the file is missing. */
export function storedOutput(file: ExampleFile): string | undefined {
  return existsSync(file.out) ? readFileSync(file.out, 'utf8').replace(/\n$/, '') : undefined;
}

/** The name an editor types to refresh one example: 'page/name' or 'page/name.zh'. */
export const exampleName = (file: ExampleFile): string => (file.lang ? `${file.id}.${file.lang}` : file.id);
