/**
 * Command-line arguments of `miniloop`: parsed with node:util's parseArgs
 * (strict, so a mistyped flag is a usage error, exit 2, rather than ignored).
 */
import { parseArgs } from 'node:util';
import { parseMoment, type Moment } from '../inspect/state.ts';

/** What `miniloop run` was asked to do. */
export interface RunCommand {
  command: 'run';
  /** Files and directories, as given (a directory runs every program under it). */
  paths: string[];
  json: boolean;
  verbose: boolean;
  trace: string | null;
  timeline: boolean;
  width: number;
  timeLimit: number | undefined;
  seed: number | undefined;
  /** Language of the runtime's own messages (deadlock, budgets, uncaught errors): --lang, else LC_ALL / LC_MESSAGES / LANG. */
  lang: 'en' | 'zh';
  /** --at: print the state of every task and the await graph at this moment (src/inspect) instead of the output. */
  at: Moment | null;
  /** --why: print the chain of causes behind this console line (from 1). */
  why: number | null;
}

/** The parsed command line. */
export type Command = RunCommand | { command: 'help' } | { command: 'version' };

/** A usage mistake; the CLI prints `message` and the usage, and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The text of `miniloop --help`. */
export const USAGE = `Usage: miniloop run FILE.ts [FILE.ts | DIR ...] [options]

Compile each file with the playground's pipeline (esbuild; the browser uses
esbuild-wasm, the same version) and run it on the miniloop event loop, in
virtual time. A directory runs every .ts and .js file under it, in name order;
with more than one program, each one's output follows a "==> FILE <==" line.

Options:
  --json              print one JSON object per line: console lines {"t","task","level","text"}, and
                      failures {"t","task","level","failure","message","stack"} (a deadlock adds
                      "blocked": [{"task","on"}]) and compile errors {"level","failure":"compile","line",
                      "column","message"}; with several programs each object starts with "file"
  --lang en|zh        language of the runtime's messages (default: from LC_ALL, LC_MESSAGES or LANG)
  --trace OUT.json    write the run as a Chrome trace (open in ui.perfetto.dev or chrome://tracing)
  --timeline          print an ASCII timeline of the tasks after the output (on stderr with --json)
  --width N           width of the timeline in characters (default: terminal width or 80)
  --time-limit MS     stop the run after MS milliseconds of virtual time (default 24h)
  --seed N            seed of Math.random (default 1)
  --at T              after the output, print every task's state and the await graph (with any cycle
                      named) at virtual time T ms, at "end", or at "step:N" (rebuilt from the trace)
  --why N             after the output, print the chain of causes behind console line N (from 1)
  --verbose           prefix each console line with [virtual time, task]
  -h, --help          show this help
  --version           print the version

Exit status: 0 success; 1 the program failed (uncaught error, deadlock, budget,
a task exception never retrieved, an unhandled rejection); 2 a compile error,
a missing file, or bad usage.`;

function toNumber(flag: string, value: string | undefined, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} expects a ${integer ? 'whole ' : ''}number >= 0, got "${value}"`);
  }
  return n;
}

/** The language the environment asks for (POSIX order: LC_ALL, LC_MESSAGES, LANG): 'zh' for zh_*, else 'en'. */
export function languageFromEnv(env: Record<string, string | undefined>): 'en' | 'zh' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

/** Parse `argv` (without node and the script); throws UsageError on a mistake. */
export function parseCommand(argv: string[], defaultWidth = 80, env: Record<string, string | undefined> = {}): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        verbose: { type: 'boolean' },
        trace: { type: 'string' },
        timeline: { type: 'boolean' },
        width: { type: 'string' },
        'time-limit': { type: 'string' },
        seed: { type: 'string' },
        lang: { type: 'string' },
        at: { type: 'string' },
        why: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: expected "miniloop run FILE.ts"');
  if (command !== 'run') throw new UsageError(`unknown command "${command}": expected "run"`);
  if (paths.length === 0) throw new UsageError('missing file: expected "miniloop run FILE.ts"');
  if (values.trace !== undefined && values.trace === '') throw new UsageError('--trace expects a file name');
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh') throw new UsageError(`--lang expects en or zh, got "${values.lang}"`);
  const at = values.at === undefined ? null : parseMoment(values.at);
  if (values.at !== undefined && at === null) throw new UsageError(`--at expects a time in ms, "end" or "step:N", got "${values.at}"`);
  const why = toNumber('--why', values.why, true) ?? null;
  if (why === 0) throw new UsageError('--why expects a console line number from 1');
  return {
    command: 'run',
    at,
    why,
    paths,
    json: values.json ?? false,
    verbose: values.verbose ?? false,
    trace: values.trace ?? null,
    timeline: values.timeline ?? false,
    width: toNumber('--width', values.width, true) ?? defaultWidth,
    timeLimit: toNumber('--time-limit', values['time-limit'], false),
    seed: toNumber('--seed', values.seed, true),
    lang: values.lang ?? languageFromEnv(env),
  };
}
