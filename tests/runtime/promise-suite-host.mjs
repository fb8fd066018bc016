// What both mocha-based Promise suites (promises-aplus-tests, promises-es6-tests)
// need: one of the runtime's Promise classes on a host whose job queue is
// drained on a real microtask (like an event loop's microtask checkpoint: jobs
// enqueued while draining run in the same drain), the A+ adapter, and a
// reporter that counts results. `run(suite, extra)` runs a suite and prints one
// line of JSON: { passes, failures, failedTitles }.
import { createPromiseClass } from '../../src/runtime/promise.ts';

const queue = [];
let scheduled = false;
function drain() {
  scheduled = false;
  for (let i = 0; i < queue.length; i += 2) queue[i](queue[i + 1]);
  queue.length = 0;
}

export const P = createPromiseClass({
  enqueueJob(job, arg) {
    queue.push(job, arg);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(drain);
    }
  },
  captureContext() {
    return undefined;
  },
});

/** The Promises/A+ adapter for P. */
export const adapter = {
  resolved: (v) => P.resolve(v),
  rejected: (r) => P.reject(r),
  deferred() {
    const { promise, resolve, reject } = P.withResolvers();
    return { promise, resolve, reject };
  },
};

/** Run a mocha-based suite `(adapter, mochaOptions, done)` and print its counts. */
export function run(suite, adapterExtra = {}) {
  let passes = 0;
  let failures = 0;
  const failedTitles = [];
  function Reporter(runner) {
    runner.on('pass', () => passes++);
    runner.on('fail', (test, err) => {
      failures++;
      failedTitles.push(`${test.fullTitle()}: ${err && err.message}`);
    });
  }
  // The suites' default per-test timeout is 200 ms; the tests themselves wait at
  // most ~100 ms, so a longer limit only tolerates a loaded machine (the repo's
  // other suites run in parallel) and never hides a hang for long.
  suite({ ...adapter, ...adapterExtra }, { reporter: Reporter, timeout: 5000 }, () => {
    process.stdout.write(JSON.stringify({ passes, failures, failedTitles }) + '\n');
    process.exit(0);
  });
}
