/**
 * The guide's Python twins (content/examples/<page>/<name>.py) as things to
 * run: which interpreter runs each, or why it cannot run here, and its output
 * on a virtual clock (scripts/twins/run_twin.py). Shared by
 * `npm run twins:update` (scripts/twins-update.ts, writes <name>.py.out) and
 * tests/content/python-twins.test.ts (compares with it).
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pythonFlavor, thirdPartyImports, type PythonFlavor } from '../../src/lib/python-flavor.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXAMPLES = join(ROOT, 'content/examples');
const RUNNER = join(ROOT, 'scripts/twins/run_twin.py');

/** Interpreters tried in order: $TWINS_PYTHON, then python3 on PATH, then Debian's (which has python3-trio / python3-aiohttp). */
export function candidates(): string[] {
  return [...new Set([process.env.TWINS_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p))];
}

/** Programs that need a server or a network the tests do not provide. */
const SERVICES: Record<string, string> = {
  aiomysql: 'a MySQL server',
  redis: 'a Redis server',
  elasticsearch: 'an Elasticsearch server',
};

export interface TwinPlan {
  /** 'asyncio/gather' */
  id: string;
  /** Absolute path of the .py file. */
  file: string;
  flavor: PythonFlavor;
  /** The interpreter that runs it, or undefined with `skip` saying why. */
  python?: string;
  skip?: string;
}

const importable = new Map<string, boolean>();
function canImport(python: string, modules: string[]): boolean {
  const key = `${python}\0${modules.join(',')}`;
  if (!importable.has(key)) {
    const r = spawnSync(python, ['-c', modules.length ? `import ${modules.join(', ')}` : 'pass'], { stdio: 'ignore', timeout: 30_000 });
    importable.set(key, r.status === 0);
  }
  return importable.get(key)!;
}

/** Code lines without comments, for the checks below. */
const codeOnly = (code: string): string => code.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');

/** What to do with one twin. */
export function planTwin(file: string): TwinPlan {
  const id = file.slice(EXAMPLES.length + 1, -'.py'.length);
  const code = readFileSync(file, 'utf8');
  const flavor = pythonFlavor(code);
  const base = { id, file, flavor };
  const imports = thirdPartyImports(code);
  const service = imports.find((m) => SERVICES[m]);
  if (service) return { ...base, skip: `talks to ${SERVICES[service]}, which the tests do not start` };
  const outside = codeOnly(code).match(/https?:\/\/(?!127\.0\.0\.1|localhost)[\w.-]+/);
  if (outside) return { ...base, skip: `needs the internet (${outside[0]})` };
  if (/^\s*web\.run_app\(/m.test(codeOnly(code))) return { ...base, skip: 'serves until it is stopped (web.run_app)' };
  const python = candidates().find((p) => canImport(p, imports));
  if (!python) return { ...base, skip: `no interpreter here imports ${imports.join(', ') || 'the standard library'} (tried ${candidates().join(', ')})` };
  return { ...base, python };
}

/** Every twin, sorted by id. */
export function allTwins(): TwinPlan[] {
  return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
    // <name>.zh.py is a Chinese variant of <name>.py, not a twin of its own (tests/content/python-zh-variants.test.ts).
    .filter((f) => f.endsWith('.py') && !f.endsWith('.zh.py'))
    .sort()
    .map((f) => planTwin(join(EXAMPLES, f)));
}

const runOptions = (plan: TwinPlan) => ({
  cwd: dirname(plan.file),
  encoding: 'utf8' as const,
  timeout: 120_000,
  maxBuffer: 16 << 20,
  // Deprecation warnings are errors: a twin must run on current Python as written.
  env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0', PYTHONWARNINGS: 'error::DeprecationWarning' },
});

/** The twin's stdout on the virtual clock; throws with its stderr when it fails. */
export function runTwin(plan: TwinPlan): string {
  if (!plan.python) throw new Error(`${plan.id}: ${plan.skip}`);
  return execFileSync(plan.python, [RUNNER, plan.file], { ...runOptions(plan), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** runTwin without blocking, so a test can run several at once. */
export async function runTwinAsync(plan: TwinPlan): Promise<string> {
  if (!plan.python) throw new Error(`${plan.id}: ${plan.skip}`);
  return (await promisify(execFile)(plan.python, [RUNNER, plan.file], runOptions(plan))).stdout;
}

/** Where a twin's expected output lives. */
export const outFile = (plan: TwinPlan): string => plan.file.replace(/\.py$/, '.py.out');

/** The interpreter's version line, for reports. */
export function pythonVersion(python: string): string {
  return execFileSync(python, ['-c', 'import sys; print(sys.version.split()[0])'], { encoding: 'utf8' }).trim();
}
