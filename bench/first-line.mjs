// The CLI's first line: wall time from spawning the command to the first chunk on its
// stdout. Rows, each labelled with the caches it finds (bin/load-cli.mjs keeps the CLI's
// bundle, src/cli/program-cache.ts the compiled programs, both in node_modules/.cache/miniloop;
// V8's compile cache is Node's own):
//   - a bare Node (`node -e`), the floor of any Node command;
//   - `node bin/miniloop.mjs run examples/hello.ts`, warm: the common case, a program run again;
//   - an edited program: a copy of hello.ts with a new comment line per spawn, so esbuild
//     starts and compiles it (the bundle is warm);
//   - the first start after `npm ci` or an edit of the CLI's sources: a new, empty cache
//     directory per spawn (MINILOOP_CACHE_DIR), so the CLI is bundled again (V8's compile
//     cache may still know the identical bundle);
//   - the same through `npx miniloop` (warm), and `npx node -e ...`, npx's own start (npm's
//     start plus a bare Node), which `npx miniloop` cannot go below.
// Called by bench/runtime.ts; medians of RUNS spawns after one untimed warm-up. Beside each, the
// median CPU time (user + system, of the command and every process it waited for; from bash's
// `times`, in a separate pass; esbuild's service, which Node does not wait for, is not in it) -
// less swayed by a busy machine than the wall time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const fmt = (n) => n.toLocaleString('en', { maximumFractionDigits: 0 });
const HELLO = 'examples/hello.ts';

/** ms from spawn to the first stdout chunk (the process is then left to finish). */
function firstLine(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let at = null;
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {
      at ??= performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code) => (at === null ? reject(new Error(`${command} ${args.join(' ')}: no output (exit ${code})`)) : resolve(at)));
  });
}

/** CPU ms of one run to its end (user + system of the command and its children), or null without bash. */
function cpuOf(command, args, env = process.env) {
  const run = spawnSync('bash', ['-c', '"$@" >/dev/null 2>&1; times', '_', command, ...args], { cwd: root, env, encoding: 'utf8' });
  const children = run.stdout?.trim().split('\n')[1]?.match(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/);
  return children ? ((+children[1] + +children[3]) * 60 + +children[2] + +children[4]) * 1000 : null;
}


/** Median and min of `runs` timings, and the median CPU time; `prepare()` gives each spawn its arguments (and environment). */
async function measure(runs, prepare) {
  const once = () => {
    const { command, args, env } = prepare();
    return firstLine(command, args, env);
  };
  await once();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await once());
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const { command, args, env } = prepare();
    cpus.push(cpuOf(command, args, env));
  }
  return { median: median(times), min: Math.min(...times), cpu: cpus.includes(null) ? null : median(cpus) };
}

/** The CPU-time difference of two rows, as a note. */
const part = (a, b) => (a.cpu === null || b.cpu === null ? '' : ` (cpu ${fmt(a.cpu - b.cpu)} ms)`);

/**
 * @param {{ runs: number }} options
 * @returns {Promise<boolean>} whether the direct, warm command met its budget (< 500 ms median)
 */
export async function benchFirstLine({ runs }) {
  console.log(`\n(d) CLI first line of ${HELLO}, spawn to first stdout chunk  (median of ${runs}, after one warm-up; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  const row = (name, r, note = '') =>
    console.log(`  ${name.padEnd(58)} ${fmt(r.median).padStart(6)} ms  (min ${fmt(r.min).padStart(5)} ms, cpu ${r.cpu === null ? '-' : fmt(r.cpu).padStart(4)} ms)  ${note}`);
  const node = process.execPath;
  const scratch = mkdtempSync(join(tmpdir(), 'miniloop-bench-d-'));
  let warm;
  try {
    const bare = await measure(runs, () => ({ command: node, args: ['-e', 'console.log("hi")'] }));
    row('node -e ... (a bare Node)', bare);
    warm = await measure(runs, () => ({ command: node, args: ['bin/miniloop.mjs', 'run', HELLO] }));
    row(`node bin/miniloop.mjs run ${HELLO}  [warm caches]`, warm, `aim < 500 ms; miniloop's part: ${fmt(warm.median - bare.median)} ms${part(warm, bare)}`);
    const source = readFileSync(join(root, HELLO), 'utf8');
    let edits = 0;
    const edited = await measure(runs, () => {
      const file = join(scratch, 'hello.ts');
      writeFileSync(file, `${source}// edit ${++edits}\n`);
      return { command: node, args: ['bin/miniloop.mjs', 'run', file] };
    });
    row('  the same, an edited program [esbuild compiles it]', edited);
    const fresh = await measure(Math.min(runs, 3), () => {
      const dir = join(scratch, `cache-${++edits}`);
      mkdirSync(dir);
      return { command: node, args: ['bin/miniloop.mjs', 'run', HELLO], env: { ...process.env, MINILOOP_CACHE_DIR: dir } };
    });
    row(`  the same, an empty cache [CLI bundled, then compiled]`, fresh, `median of ${Math.min(runs, 3)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(`${root}node_modules/.bin/miniloop`)) {
    // npx would look for a package named miniloop in the registry.
    console.log('  npx rows skipped: node_modules/.bin/miniloop is missing (run `npm ci`, which links packages/miniloop-cli)');
    return warm.median < 500;
  }
  const npx = await measure(runs, () => ({ command: 'npx', args: ['miniloop', 'run', HELLO] }));
  const npm = await measure(runs, () => ({ command: 'npx', args: ['node', '-e', 'console.log("hi")'] }));
  row(`npx miniloop run ${HELLO}  [warm caches]`, npx, 'aim < 500 ms on a quiet machine');
  row("npx node -e ... (npx's own start)", npm, `miniloop's part through npx: ${fmt(npx.median - npm.median)} ms${part(npx, npm)}`);
  return warm.median < 500;
}
