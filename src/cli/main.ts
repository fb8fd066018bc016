/**
 * `miniloop run FILE.ts`: compile a file with the browser's pipeline
 * (esbuild-wasm, src/compiler) and run it on the loop (src/runtime/program.ts),
 * printing what a reader would see in the playground.
 *
 * Exit status (RUNTIME.md, "A command line"): 0 success; 1 the program failed
 * (ProgramResult.status 'failed': uncaught error, deadlock, budget, an
 * exception never retrieved, an unhandled rejection); 2 compile error, missing
 * file or bad usage. Problems go to stderr; console.error/warn lines go to
 * stderr too, as in Node, except with --json, where every line is one JSON
 * object on stdout.
 * Tests: tests/cli/cli.test.ts (spawns bin/miniloop.mjs).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { compileInNode } from '../compiler/node.ts';
import { runProgram } from '../runtime/program.ts';
import { asciiTimeline } from '../trace/ascii-timeline.ts';
import { toChromeTrace } from '../trace/chrome-trace.ts';
import { parseCommand, USAGE, UsageError, type RunCommand } from './args.ts';
import { formatCompileError, formatLine, jsonLine } from './format.ts';

/** Where the CLI writes (replaceable in tests). */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

const processIO: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Run the CLI with `argv` (arguments after the script) and return the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let command;
  try {
    command = parseCommand(argv, process.stdout.columns || 80);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`miniloop: ${error.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (command.command === 'help') {
    io.out(USAGE + '\n');
    return EXIT_OK;
  }
  if (command.command === 'version') {
    io.out(`miniloop ${await version()}\n`);
    return EXIT_OK;
  }
  return runFile(command, io);
}

async function runFile(command: RunCommand, io: CliIO): Promise<number> {
  let source: string;
  try {
    source = await readFile(command.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    io.err(`miniloop: cannot read ${command.file}: ${why}\n`);
    return EXIT_USAGE;
  }

  const compiled = await compileInNode(source, command.file);
  if (!compiled.ok) {
    for (const error of compiled.errors) io.err(formatCompileError(command.file, error) + '\n');
    return EXIT_USAGE;
  }

  const result = runProgram(compiled, {
    // The loop's own lane (macrotasks, microtask checkpoints) is only worth its size in the Chrome trace.
    loopEvents: command.trace !== null,
    ...(command.timeLimit === undefined ? {} : { timeLimit: command.timeLimit }),
    ...(command.seed === undefined ? {} : { seed: command.seed }),
  });

  for (const line of result.lines) {
    if (command.json) io.out(jsonLine(line) + '\n');
    else if (line.level === 'error' || line.level === 'warn') io.err(formatLine(line, command.verbose) + '\n');
    else io.out(formatLine(line, command.verbose) + '\n');
  }
  for (const problem of result.problems) io.err(problem.message + '\n');

  if (command.trace !== null) {
    try {
      await writeFile(command.trace, JSON.stringify(toChromeTrace(result)));
    } catch (error) {
      io.err(`miniloop: cannot write the trace to ${command.trace}: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  if (command.timeline) {
    // With --json the timeline would break line-by-line parsing of stdout: it goes to stderr then.
    const text = asciiTimeline(result, { width: command.width }) + '\n';
    if (command.json) io.err(text);
    else io.out(text);
  }
  return result.status === 'ok' ? EXIT_OK : EXIT_FAILED;
}

async function version(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
