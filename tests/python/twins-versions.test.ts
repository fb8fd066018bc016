/**
 * The guide's Python twins on the versions the guide claims (src/lib/versions.ts)
 * print their recorded output (<name>.py.out, written by `npm run twins:update`
 * with the installed interpreters; tests/content/python-twins.test.ts holds it
 * to the installed ones and to what the page says, the playground's times):
 * - every standard-library twin on CPython 3.14 as Pyodide ships it (no network,
 *   node_modules/pyodide), through src/python/virtual_asyncio.py;
 * - every trio twin on the claimed trio release: the interpreter's own trio if
 *   it is that release, else a trio checkout named by TRIO_SRC (trio is pure
 *   Python; `git -C trio checkout v0.34.0`). Skipped, with the reason printed,
 *   when neither is there.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLAIMED_VERSIONS } from '../../src/lib/versions.ts';
import { loadNodePython, type NodePython } from '../../src/python/load-node.mjs';
import { allTwins, outFile, ROOT, type TwinPlan } from '../../scripts/twins/twins.ts';

const twins = allTwins().filter((t) => existsSync(outFile(t)));

/** Why Pyodide cannot run each file (src/python/runnable.py, the rule the site uses), asked of a desktop Python once. */
function pyodideReasons(plans: TwinPlan[]): Array<string | null> {
  const script = `import json, sys\nsys.path.insert(0, ${JSON.stringify(join(ROOT, 'src/python'))})\nimport runnable\n` +
    `print(json.dumps([json.loads(runnable.why_not_runnable_json(open(f, encoding='utf-8').read())) for f in json.loads(sys.argv[1])]))`;
  const r = spawnSync(plans[0]?.python ?? 'python3', ['-c', script, JSON.stringify(plans.map((p) => p.file))], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`runnable.py failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const candidates = twins.filter((t) => t.flavor !== 'trio' && t.python);
const reasons = pyodideReasons(candidates);
const stdlib = candidates.filter((_, i) => reasons[i] === null);
const notOnPyodide = candidates.map((t, i) => [t.id, reasons[i]]).filter(([, why]) => why !== null);
if (notOnPyodide.length) console.log(`tests/python/twins-versions.test.ts: not run on Pyodide:\n${notOnPyodide.map(([id, why]) => `  ${id}: ${why}`).join('\n')}`);
const trioTwins = twins.filter((t) => t.flavor === 'trio');

/** A trio of the claimed release: [python, PYTHONPATH, version], or the reason there is none. */
function claimedTrio(): { python: string; path: string; version: string } | { reason: string } {
  const src = process.env.TRIO_SRC;
  const path = src ? (existsSync(join(src, 'src', 'trio')) ? join(src, 'src') : src) : '';
  const tried: string[] = [];
  for (const python of [process.env.TWINS_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => !!p)) {
    const r = spawnSync(python, ['-c', 'import trio; print(trio.__version__)'], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: path }, timeout: 30_000 });
    const version = r.status === 0 ? r.stdout.trim() : null;
    if (version && (version === CLAIMED_VERSIONS.trio || version.startsWith(`${CLAIMED_VERSIONS.trio}.`))) return { python, path, version };
    tried.push(`${python}: ${version ? `trio ${version}` : 'no trio'}`);
  }
  return { reason: `no trio ${CLAIMED_VERSIONS.trio} here (${tried.join('; ')}${src ? `, TRIO_SRC=${src}` : ''}); set TRIO_SRC to a trio checkout at v${CLAIMED_VERSIONS.trio}.0` };
}

const trio = claimedTrio();
if ('reason' in trio) console.log(`tests/python/twins-versions.test.ts: trio twins skipped: ${trio.reason}`);

describe(`standard-library twins on CPython ${CLAIMED_VERSIONS.cpython} (Pyodide)`, () => {
  let py: NodePython;
  beforeAll(async () => {
    py = await loadNodePython();
  }, 900_000);

  it('is the claimed CPython', () => {
    expect(py.version.startsWith(`${CLAIMED_VERSIONS.cpython}.`)).toBe(true);
  });

  it.each(stdlib.map((t) => [t.id, t] as const))('%s prints what its page shows', (_id, plan) => {
    expect(py.whyNotRunnable(readFileSync(plan.file, 'utf8'))).toBeNull();
    const run = py.run(readFileSync(plan.file, 'utf8'), plan.file.split('/').pop());
    expect(run.problems).toEqual([]);
    expect(run.lines.filter((l) => l[2] === 'error').map((l) => l[3])).toEqual([]);
    expect(run.lines.map((l) => `${l[3]}\n`).join('')).toBe(readFileSync(outFile(plan), 'utf8'));
  });
});

describe.skipIf('reason' in trio)(`trio twins on trio ${CLAIMED_VERSIONS.trio}`, () => {
  it.concurrent.each(trioTwins.map((t) => [t.id, t] as const))('%s prints what its page shows', async (_id, plan: TwinPlan) => {
    const t = trio as { python: string; path: string };
    const { stdout } = await promisify(execFile)(t.python, [join(ROOT, 'scripts/twins/run_twin.py'), plan.file], {
      cwd: join(plan.file, '..'),
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, PYTHONPATH: t.path, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0', PYTHONWARNINGS: 'error::DeprecationWarning' },
    });
    expect(stdout).toBe(readFileSync(outFile(plan), 'utf8'));
  });
});
