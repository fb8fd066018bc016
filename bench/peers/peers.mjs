// The peers of benchmark (b): the same 100,000-task workload run once, cold, in a
// fresh process each, on what a user would pick instead of miniloop:
// @sinonjs/fake-timers with native async functions, and CPython's asyncio on a
// virtual clock (skipped when `python3` is not on the machine). Called by
// bench/runtime.ts with miniloop's own cold run; prints wall time, peak RSS and
// the ratios beside the aims of issue 11. A peer that prints a different number
// of lines than miniloop throws: the comparison would not be of the same work.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const MB = 1024 * 1024;
const fmt = (n, digits) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

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
 * @param {{ tasks: number, wall: number, maxRss: number, lines: number }} miniloop its cold run (trace on)
 * @returns {number} how many aims were missed (reported, not counted as budgets)
 */
export function benchPeers(miniloop) {
  const { tasks } = miniloop;
  console.log(`\n(b') the same ${tasks.toLocaleString('en')} tasks on the peers, one cold run each in a fresh process  (load average ${loadavg().map((x) => fmt(x, 2)).join(' ')})`);
  const fake = runPeer(process.execPath, [here('./fake-timers-child.mjs'), String(tasks)]);
  const python = runPeer('python3', [here('./asyncio_child.py'), String(tasks)]);
  const row = (name, r, note) =>
    console.log(`  ${name.padEnd(22)} ${fmt(r.wall, 0).padStart(6)} ms  ${fmt(r.maxRss / MB, 0).padStart(4)} MB peak RSS  ${String(r.lines).padStart(7)} lines  (${note})`);
  row('miniloop', miniloop, 'trace on; first run of its child');
  row('fake-timers', fake, 'native async fns, runAllAsync, no trace');
  if (python) row(`CPython ${python.version} asyncio`, python, 'C tasks, virtual-clock loop, no trace');
  else console.log(`  ${'CPython asyncio'.padEnd(22)} skipped (no python3 on this machine)`);
  for (const [name, r] of [['fake-timers', fake], ['CPython', python]]) {
    if (r && r.lines !== miniloop.lines) throw new Error(`${name} printed ${r.lines} lines, miniloop ${miniloop.lines}: not the same workload`);
  }
  const speed = (x) => (x >= 1 ? `${fmt(x, 2)}x faster` : `${fmt(1 / x, 2)}x slower`);
  let missedAims = 0;
  const aim = (ok) => {
    if (!ok) missedAims++;
    return ok ? 'met' : 'NOT MET';
  };
  const vsFake = fake.wall / miniloop.wall;
  console.log(`  miniloop vs fake-timers: ${speed(vsFake)}  (aim >= 3x: ${aim(vsFake >= 3)}); memory ${fmt(miniloop.maxRss / MB, 0)} vs ${fmt(fake.maxRss / MB, 0)} MB  (aim less: ${aim(miniloop.maxRss < fake.maxRss)})`);
  if (python) {
    const vsPython = python.wall / miniloop.wall;
    console.log(`  miniloop vs CPython:     ${speed(vsPython)}  (aim >= 5x: ${aim(vsPython >= 5)})`);
  }
  return missedAims;
}
