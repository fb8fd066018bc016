// `npm run bench:ab -- A B`: benchmark (b)'s program (100,000 sleeping tasks) on
// the runtime of two revisions, cold, the two taking turns, and their medians.
// This is how bench/README.md's before/after figures of one change are made:
// `npm run bench:ab -- CHANGE~1 CHANGE`.
//
// Each revision is checked out into a temporary git worktree (`.` is the
// working tree as it is, uncommitted edits included); its runtime is bundled
// with esbuild as the browser's worker gets it, and the program is compiled
// with that revision's own compiler (the contract between the two can change).
// Each sample is a fresh process (bench/tasks-child.mjs, one cold run): wall
// and CPU time of the run and the process's peak RSS.
// Options: --runs N (samples per side, default 7), --tasks N (default 100,000).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { takeNumberOption } from './options.mjs';
import { median } from './stats.mjs';
import { bundleRuntime, compileTasks } from './prepare-tasks.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const usage = 'usage: npm run bench:ab -- REV_A REV_B [--runs N] [--tasks N]   (a revision git knows, or . for the working tree)';

const args = process.argv.slice(2);
const runs = takeNumberOption(args, '--runs', 7);
const tasks = takeNumberOption(args, '--tasks', 100_000);
if (args.length !== 2 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(tasks) || tasks < 100) {
  console.error(usage);
  process.exit(2);
}

const git = (...gitArgs) => execFileSync('git', gitArgs, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** A side: its revision's runtime bundle and compiled program, in a temporary folder (listed in `sides` at once, so it is cleaned up). */
async function prepare(rev) {
  let commit;
  if (rev !== '.') {
    try {
      commit = git('rev-parse', '--verify', `${rev}^{commit}`);
    } catch {
      throw new Error(`"${rev}" is not a revision of this repository\n${usage}`);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'miniloop-ab-'));
  const side = { rev, label: 'working tree', dir, tree: repo, samples: [] };
  sides.push(side);
  if (commit !== undefined) {
    side.tree = join(dir, 'tree');
    git('worktree', 'add', '--detach', '--quiet', side.tree, commit);
    symlinkSync(join(repo, 'node_modules'), join(side.tree, 'node_modules'));
    side.label = `${rev} (${commit.slice(0, 7)})`;
  }
  const { tree, label } = side;
  process.stdout.write(`  preparing ${label}: bundling the runtime, compiling the program...\n`);
  await bundleRuntime(tree, join(dir, 'runtime.mjs'));
  // That revision's compiler (the contract between the two can change).
  compileTasks(tree, tasks, join(dir, 'program.json'));
}

function cleanUp(side) {
  if (side.tree !== repo) git('worktree', 'remove', '--force', side.tree);
  rmSync(side.dir, { recursive: true, force: true });
}

const child = fileURLToPath(new URL('./tasks-child.mjs', import.meta.url));
/** @type {Array<{ rev: string, label: string, dir: string, tree: string, samples: Array<{ wall: number, cpu: number, rss: number }> }>} */
const sides = [];
try {
  console.log(`bench:ab  ${tasks.toLocaleString('en')} tasks (benchmark (b)'s program), ${runs} cold runs per side, taking turns`);
  for (const rev of args) await prepare(rev);
  for (let round = 1; round <= runs; round++) {
    const line = [];
    for (const side of sides) {
      const out = execFileSync(process.execPath, ['--expose-gc', child, join(side.dir, 'runtime.mjs'), join(side.dir, 'program.json'), String(tasks), '0', '0'], { encoding: 'utf8' });
      const { coldWall, coldCpu, maxRss } = JSON.parse(out);
      side.samples.push({ wall: coldWall, cpu: coldCpu, rss: maxRss / 1048576 });
      line.push(`${side.rev} ${Math.round(coldWall)} ms`);
    }
    console.log(`  round ${round}/${runs}: ${line.join(', ')}  (load ${loadavg()[0].toFixed(1)})`);
  }
  const summary = sides.map((side) => {
    const pick = (key) => side.samples.map((s) => s[key]);
    const walls = pick('wall');
    return { side, wall: median(walls), min: Math.min(...walls), max: Math.max(...walls), cpu: median(pick('cpu')), rss: median(pick('rss')) };
  });
  for (const s of summary) {
    console.log(`  ${s.side.label.padEnd(28)} ${Math.round(s.wall)} ms wall (${Math.round(s.min)}-${Math.round(s.max)}), ${Math.round(s.cpu)} ms CPU, ${Math.round(s.rss)} MB peak RSS`);
  }
  const [a, b] = summary;
  console.log(`  B against A: ${((b.wall / a.wall - 1) * 100).toFixed(1)}% wall time, ${(b.rss - a.rss).toFixed(0)} MB peak RSS  (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  for (const side of sides) cleanUp(side);
}
