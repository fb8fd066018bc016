// Peer of benchmark (b) in a fresh process: the same 100,000-task workload as
// native async functions on @sinonjs/fake-timers (`runAllAsync`), what a user
// would pick to run async code on a virtual clock in Node. No trace is
// recorded; the "console" is an array of lines, as the loop's result holds.
//
// Usage (from bench/peers/peers.mjs): node bench/peers/fake-timers-child.mjs TASKS
// Prints one JSON object: wall and cpu (ms, the one cold run; cpu is user + system), maxRss (bytes), lines.
import FakeTimers from '@sinonjs/fake-timers';

const tasks = Number(process.argv[2]);
const clock = FakeTimers.createClock(0, 4 * tasks); // loopLimit above the number of timers
const sleep = (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms));
const lines = [];
const log = (...parts) => lines.push(parts.join(' '));

const cpuStart = process.cpuUsage();
const started = performance.now();
const main = (async () => {
  for (let i = 0; i < tasks; i++) {
    (async () => {
      await sleep(Math.floor(Math.random() * 10_000));
      log('woke', i);
    })();
  }
  await sleep(10_000); // every task sleeps less than this
  log('all done');
})();
await clock.runAllAsync();
await main;
const wall = performance.now() - started;
const cpuUsed = process.cpuUsage(cpuStart);
if (lines.at(-1) !== 'all done') throw new Error(`fake-timers: last line "${lines.at(-1)}", expected "all done"`);
process.stdout.write(JSON.stringify({ wall, cpu: (cpuUsed.user + cpuUsed.system) / 1000, maxRss: process.resourceUsage().maxRSS * 1024, lines: lines.length }));
