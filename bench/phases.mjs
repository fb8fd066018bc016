// `npm run bench:phases`: where a cold run of benchmark (b) spends its time,
// by phase - making the 100,000 tasks, starting them, waking them, building
// the result - on miniloop and on the generator floor, with the tasks waking
// in random order (as (b)) and in the order they were made; and, random order
// only, on the state-machine floor (the generator floor without generators:
// what another lowering could save, bench/peers/state-machine-floor.mjs). The program marks
// its own phases (tasksProgram's `marks`; the floor marks the same points),
// so nothing is patched into the loop. bench/README.md reads these figures:
// the two orders are what says that waking is about half waiting for memory.
// Options: --runs N (cold runs per side, default 5), --tasks N (default 100,000).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleRuntime, compileTasks } from './prepare-tasks.mjs';
import { takeNumberOption } from './options.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const runs = takeNumberOption(args, '--runs', 5);
const tasks = takeNumberOption(args, '--tasks', 100_000);
if (args.length !== 0 || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(tasks) || tasks < 100) {
  console.error('usage: npm run bench:phases -- [--runs N] [--tasks N]   (N: whole numbers; at least 100 tasks)');
  process.exit(2);
}

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const fmt = (n) => Math.round(n).toLocaleString('en');
const dir = mkdtempSync(join(tmpdir(), 'miniloop-phases-'));
try {
  console.log(`bench:phases  ${tasks.toLocaleString('en')} tasks (benchmark (b)'s program), ${runs} cold runs per side, taking turns`);
  console.log('  preparing: bundling the runtime, compiling the program twice (random and creation order)...');
  const tree = here('..');
  await bundleRuntime(tree, join(dir, 'runtime.mjs'));
  compileTasks(tree, tasks, join(dir, 'random.json'), { order: 'random', marks: true });
  compileTasks(tree, tasks, join(dir, 'creation.json'), { order: 'creation', marks: true });

  const child = (command, childArgs) => JSON.parse(execFileSync(command, childArgs, { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const miniloop = (program) => () => child(process.execPath, ['--expose-gc', here('./tasks-child.mjs'), join(dir, 'runtime.mjs'), join(dir, program), String(tasks), '0', '0']);
  const floor = (file, ...flags) => () => child(process.execPath, [here(`./peers/${file}`), String(tasks), ...flags]);
  const sides = [
    { name: 'miniloop, random order', run: miniloop('random.json') },
    { name: 'miniloop, creation order', run: miniloop('creation.json') },
    { name: 'floor, random order', run: floor('generator-floor.mjs') },
    { name: 'floor, creation order', run: floor('generator-floor.mjs', '--in-order') },
    { name: 'state machines, random order', run: floor('state-machine-floor.mjs') },
  ].map((side) => ({ ...side, samples: [] }));

  for (let round = 1; round <= runs; round++) {
    for (const side of sides) {
      const out = side.run();
      if (!out.phases) throw new Error(`${side.name}: the run printed no phases`);
      side.samples.push(out.phases);
    }
    process.stdout.write(`  round ${round}/${runs} done  (load ${loadavg()[0].toFixed(1)})\n`);
  }

  const names = Object.keys(sides[0].samples[0]);
  const header = ['spawn', 'start', 'wake', 'result'];
  console.log(`\n  median ms (range)${''.padEnd(14)}${header.map((h) => h.padStart(16)).join('')}`);
  for (const side of sides) {
    const cells = names.map((name) => {
      const values = side.samples.map((phases) => phases[name]);
      return `${fmt(median(values))} (${fmt(Math.min(...values))}-${fmt(Math.max(...values))})`.padStart(16);
    });
    console.log(`  ${side.name.padEnd(31)}${cells.join('')}`);
  }
  console.log(`  (spawn: until every task is made; start: until each has taken its first step; wake: until each has woken and logged; result: the end of runProgram, building miniloop's \`lines\`)  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
