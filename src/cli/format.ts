/**
 * Text the CLI prints: console lines (plain, verbose or JSON) and compile
 * errors with the reader's line and a caret under the column.
 */
import type { SourceError } from '../contract/program.ts';
import type { ConsoleLine, Problem } from '../runtime/program.ts';

/** One console line as `miniloop run` prints it: the text, or `[t task] text` with --verbose. */
export function formatLine(line: ConsoleLine, verbose: boolean): string {
  if (!verbose) return line.text;
  const prefix = `[${formatT(line.t)} ${line.task}] `;
  // Indent continuation lines of a multi-line value under the text.
  return prefix + line.text.split('\n').join('\n' + ' '.repeat(prefix.length));
}

/** One console line as a JSON object (--json): t, task, level, text (after `file` when several programs run). */
export function jsonLine(line: ConsoleLine, file?: string): string {
  return JSON.stringify({ ...(file === undefined ? {} : { file }), t: line.t, task: line.task, level: line.level, text: line.text });
}

/**
 * A failure as a JSON object (--json): t (virtual ms), task (null for the
 * loop's own stops: deadlock, budgets), level "error", failure (the kind:
 * error, deadlock, time-limit, step-limit, output-limit, unretrieved,
 * unhandled-rejection), message (its first line), stack (mapped; an exception
 * group's tree) and, for a deadlock, blocked: [{ task, on: { kind, what } }].
 */
export function jsonProblem(problem: Problem, file?: string): string {
  return JSON.stringify({
    ...(file === undefined ? {} : { file }),
    t: problem.t ?? null,
    task: problem.task ?? null,
    level: 'error',
    failure: problem.kind,
    message: problem.summary ?? problem.message.split('\n')[0],
    ...(problem.stack === undefined ? {} : { stack: problem.stack }),
    ...(problem.blocked === undefined ? {} : { blocked: problem.blocked }),
  });
}

/** A compile error as a JSON object (--json): level "error", failure "compile", line, column (1-based), message. */
export function jsonCompileError(error: SourceError, file?: string): string {
  return JSON.stringify({ ...(file === undefined ? {} : { file }), level: 'error', failure: 'compile', line: error.line, column: error.column + 1, message: error.message });
}

function formatT(t: number): string {
  return `${Number.isInteger(t) ? t : Number(t.toFixed(3))}ms`;
}

/**
 * A compile error like a compiler prints it:
 *   examples/bad.ts:3:14: error: Expected ")" but found "{"
 *       3 | if (x > 1 {
 *         |           ^
 * `error.column` is 0-based (esbuild's convention); the printed column is 1-based.
 */
export function formatCompileError(file: string, error: SourceError): string {
  const head = `${file}:${error.line}:${error.column + 1}: error: ${error.message}`;
  if (!error.lineText) return head;
  const number = String(error.line);
  const gutter = ' '.repeat(number.length);
  // Keep tabs in the caret line so the caret lines up under tab-indented code.
  const lead = error.lineText.slice(0, error.column).replace(/[^\t]/g, ' ');
  return `${head}\n  ${number} | ${error.lineText}\n  ${gutter} | ${lead}^`;
}
