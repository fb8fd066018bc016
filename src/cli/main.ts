/**
 * `miniloop run FILE.ts [FILE.ts | DIR ...]`: compile each program with the
 * browser's pipeline (src/compiler; native esbuild here, esbuild-wasm in the
 * browser, same version and output; a program compiled before comes from the
 * cache, program-cache.ts) and run it on the loop (src/runtime/program.ts),
 * printing what a reader would see in the playground. Start-up: README.md here.
 *
 * Exit status (RUNTIME.md, "A command line"): 0 success; 1 the program failed
 * (ProgramResult.status 'failed': uncaught error, deadlock, budget, an
 * exception never retrieved, an unhandled rejection); 2 compile error, missing
 * file or bad usage. Problems go to stderr; console.error/warn lines go to
 * stderr too, as in Node, except with --json, where every line and every
 * failure is one JSON object on stdout. With several programs the exit status
 * is the worst of theirs.
 * Tests: tests/cli/cli.test.ts (spawns bin/miniloop.mjs).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram, type Problem } from '../runtime/program.ts';
import { asciiTimeline } from '../trace/ascii-timeline.ts';
import { toChromeTrace } from '../trace/chrome-trace.ts';
import { parseCommand, USAGE, UsageError, type RunCommand } from './args.ts';
import { formatStateAt, formatWhy } from '../inspect/format.ts';
import { formatCompileError, formatLine, jsonCompileError, jsonLine, jsonProblem } from './format.ts';
import { compileNative } from './esbuild.ts';
import { compileCached, type ProgramCache } from './program-cache.ts';

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

/** What the loader (bin/load-cli.mjs) hands the CLI. */
export interface CliOptions {
  /** Where compiled programs are kept; none when the CLI runs from its sources (no compiler id). */
  programCache?: ProgramCache;
}

/** Run the CLI with `argv` (arguments after the script) and return the exit code. */
export async function main(
  argv: string[],
  io: CliIO = processIO,
  env: Record<string, string | undefined> = process.env,
  options: CliOptions = {},
): Promise<number> {
  let command;
  try {
    command = parseCommand(argv, process.stdout.columns || 80, env);
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
    io.out(`miniloop ${version()}\n`);
    return EXIT_OK;
  }
  return runAll(command, io, options);
}

/** A program's file name: .ts or .js (and .mts/.mjs), not a declaration file. */
const PROGRAM_FILE = /(?<!\.d)\.(ts|js|mts|mjs)$/;

/** The programs `path` names: itself, or for a directory every program file under it (recursively, in name order; no node_modules or dot-directories). */
function programsAt(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const entries = readdirSync(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && PROGRAM_FILE.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.slice(path.length).split(/[\\/]/).some((part) => part === 'node_modules' || part.startsWith('.')))
    .sort();
}

async function runAll(command: RunCommand, io: CliIO, options: CliOptions): Promise<number> {
  const files: string[] = [];
  for (const path of command.paths) {
    try {
      const found = programsAt(path);
      if (found.length === 0) throw Object.assign(new Error('no .ts or .js programs in it'), { code: 'EMPTY' });
      files.push(...found);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(`miniloop: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`);
      return EXIT_USAGE;
    }
  }
  if (files.length > 1 && command.trace !== null) {
    io.err(`miniloop: --trace writes one program's trace; ${files.length} programs were given\n`);
    return EXIT_USAGE;
  }
  let status = EXIT_OK;
  for (const [i, file] of files.entries()) {
    // Several programs: a header line before each (as head and tail print), or a "file" field in every JSON object.
    if (files.length > 1 && !command.json) io.out(`${i > 0 ? '\n' : ''}==> ${file} <==\n`);
    status = Math.max(status, await runFile(file, command, io, options, files.length > 1 ? file : undefined));
  }
  return status;
}

/** Compile and run one program; `label` (the file) goes into every JSON object when several programs run. */
async function runFile(file: string, command: RunCommand, io: CliIO, options: CliOptions, label: string | undefined): Promise<number> {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    io.err(`miniloop: cannot read ${file}: ${why}\n`);
    return EXIT_USAGE;
  }

  const compiled = await compileCached(source, file, options.programCache, () => compileNative(source, file));
  if (!compiled.ok) {
    for (const error of compiled.errors) {
      if (command.json) io.out(jsonCompileError(error, label) + '\n');
      else io.err(formatCompileError(file, error) + '\n');
    }
    return EXIT_USAGE;
  }

  const result = runProgram(compiled, {
    // The loop's own lane (macrotasks, microtask checkpoints) is only worth its size in the Chrome trace.
    loopEvents: command.trace !== null || command.at !== null || command.why !== null,
    ...(command.timeLimit === undefined ? {} : { timeLimit: command.timeLimit }),
    ...(command.seed === undefined ? {} : { seed: command.seed }),
    lang: command.lang,
  });

  for (const line of result.lines) {
    if (command.json) io.out(jsonLine(line, label) + '\n');
    else if (line.level === 'error' || line.level === 'warn') io.err(formatLine(line, command.verbose) + '\n');
    else io.out(formatLine(line, command.verbose) + '\n');
  }
  for (const problem of result.problems) {
    if (command.json) io.out(jsonProblem(problem, label) + '\n');
    else io.err(problem.message + '\n');
  }

  if (command.trace !== null) {
    try {
      writeFileSync(command.trace, JSON.stringify(toChromeTrace(result)));
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
  // --at / --why (issue 14): rebuilt from the trace of this run, after its output.
  if (command.at !== null) io.out('\n' + formatStateAt(result.trace, command.at, command.lang) + '\n');
  if (command.why !== null) {
    const why = formatWhy(result.trace, command.why, command.lang);
    if (!why.ok) {
      io.err(`miniloop: ${why.text}\n`);
      return EXIT_USAGE;
    }
    io.out('\n' + why.text + '\n');
  }
  return result.status === 'ok' ? EXIT_OK : EXIT_FAILED;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
