// The peers of benchmark (b): the same 100,000-task workload run cold, in a
// fresh process each time, on what a user would pick instead of miniloop:
// @sinonjs/fake-timers with native async functions, and CPython's asyncio on a
// virtual clock (skipped when there is no Python). Called by bench/runtime.ts
// with a function that runs one cold miniloop child. The three sides take
// turns, several rounds, so a change in the machine's load falls on all of
// them; each prints the median wall and CPU time of its rounds, its range and
// peak RSS, and the ratios beside the aims of issue 11. A peer that prints a
// different number of lines than miniloop throws: it would not be the same work.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../stats.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const MB = 1024 * 1024;
const fmt = (n, digits) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The Python to compare with: $BENCH_PYTHON (say, the newest CPython on the machine), else `python3`. */
const PYTHON = process.env.BENCH_PYTHON || 'python3';

/** Run one peer child; returns its JSON, or null when its interpreter is missing. */
function runPeer(command, args) {
  try {
    return JSON.parse(execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 }));
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * @typedef {{ wall: number, cpu: number, maxRss: number, lines: number }} ColdRun one cold run of one side (ms, ms, bytes)
 * @param {{ tasks: number, rounds: number, miniloopCold: () => ColdRun }} options
 *   `miniloopCold` runs miniloop's child once (trace on, nothing listening) and returns its cold run
 * @returns {number} how many aims were missed (reported, not counted as budgets)
 */
export function benchPeers({ tasks, rounds, miniloopCold }) {
  console.log(
    `\n(b') the same ${tasks.toLocaleString('en')} tasks on the peers: ${rounds} cold run${rounds > 1 ? 's' : ''} each, a fresh process each, the sides taking turns  (load average ${loadavg().map((x) => fmt(x, 2)).join(' ')})`,
  );
  /** @type {Record<string, ColdRun[]>} */
  const runs = { miniloop: [], fake: [], python: [], floor: [], machines: [] };
  for (let round = 0; round < rounds; round++) {
    runs.miniloop.push(miniloopCold());
    runs.fake.push(runPeer(process.execPath, [here('./fake-timers-child.mjs'), String(tasks)]));
    runs.floor.push(runPeer(process.execPath, [here('./generator-floor.mjs'), String(tasks)]));
    runs.machines.push(runPeer(process.execPath, [here('./state-machine-floor.mjs'), String(tasks)]));
    const python = runPeer(PYTHON, [here('./asyncio_child.py'), String(tasks)]);
    if (python) runs.python.push(python);
  }
  for (const [name, side] of [['fake-timers', runs.fake], ['CPython', runs.python], ['the generator floor', runs.floor], ['the state-machine floor', runs.machines]]) {
    for (const r of side) if (r.lines !== runs.miniloop[0].lines) throw new Error(`${name} printed ${r.lines} lines, miniloop ${runs.miniloop[0].lines}: not the same workload`);
  }
  /** Medians of a side's rounds. */
  const summary = (side) => ({
    wall: median(side.map((r) => r.wall)),
    cpu: median(side.map((r) => r.cpu)),
    maxRss: median(side.map((r) => r.maxRss)),
    range: side.length > 1 ? `${fmt(Math.min(...side.map((r) => r.wall)), 0)}-${fmt(Math.max(...side.map((r) => r.wall)), 0)}` : 'one run',
  });
  const mini = summary(runs.miniloop);
  const fake = summary(runs.fake);
  const python = runs.python.length ? summary(runs.python) : null;
  const floor = summary(runs.floor);
  const machines = summary(runs.machines);
  const row = (name, r, note) =>
    console.log(
      `  ${name.padEnd(22)} ${fmt(r.wall, 0).padStart(6)} ms wall (${r.range}), ${fmt(r.cpu, 0).padStart(6)} ms CPU  ${fmt(r.maxRss / MB, 0).padStart(4)} MB peak RSS  (${note})`,
    );
  row('miniloop', mini, 'trace on; the run is its child\'s first');
  row('fake-timers', fake, 'native async fns, runAllAsync, no trace');
  // Every round ran the same interpreter: its version and path are the first run's.
  if (python) row(`CPython ${runs.python[0].version} asyncio`, python, `C tasks, virtual-clock loop, no trace; ${runs.python[0].executable}`);
  else console.log(`  ${'CPython asyncio'.padEnd(22)} skipped (no ${PYTHON} on this machine)`);
  row('generator floor', floor, 'not a peer: the lowering alone, no trace, no semantics');
  row('state-machine floor', machines, "not a peer: the same with (b)'s bodies as miniloop lowers them");
  const speed = (x) => (x >= 1 ? `${fmt(x, 2)}x faster` : `${fmt(1 / x, 2)}x slower`);
  let missedAims = 0;
  const aim = (ok) => {
    if (!ok) missedAims++;
    return ok ? 'met' : 'NOT MET';
  };
  // The aims are judged on the medians of wall time, as the issue states them; the CPU ratio is printed beside.
  const vsFake = fake.wall / mini.wall;
  console.log(
    `  miniloop vs fake-timers: ${speed(vsFake)} (CPU ${speed(fake.cpu / mini.cpu)})  (aim >= 3x: ${aim(vsFake >= 3)}); memory ${fmt(mini.maxRss / MB, 0)} vs ${fmt(fake.maxRss / MB, 0)} MB  (aim less: ${aim(mini.maxRss < fake.maxRss)})`,
  );
  if (python) {
    const vsPython = python.wall / mini.wall;
    console.log(`  miniloop vs CPython:     ${speed(vsPython)} (CPU ${speed(python.cpu / mini.cpu)})  (aim >= 5x: ${aim(vsPython >= 5)})`);
  }
  // What the lowering leaves room for: the same ratios for the floor of (b)'s bodies as miniloop
  // lowers them, state machines (state-machine-floor.mjs; compiler/state-machines.ts).
  const floorVs = [`fake-timers ${speed(fake.wall / machines.wall)}`, ...(python ? [`CPython ${speed(python.wall / machines.wall)}`] : [])];
  console.log(`  the state-machine floor vs ${floorVs.join(', ')}; memory ${fmt(machines.maxRss / MB, 0)} MB; miniloop takes ${fmt(mini.wall / machines.wall, 2)}x its time`);
  return missedAims;
}
