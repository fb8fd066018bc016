// Runs the Promises/A+ conformance suite (promises-aplus-tests, mocha based)
// against createPromiseClass. Spawned by promise-aplus.test.ts with Node 22,
// which strips the TypeScript types of the imported module natively.
// Prints one line of JSON: { passes, failures, failedTitles }.
import { createRequire } from 'node:module';
import { createPromiseClass } from '../../src/runtime/promise.ts';

const require = createRequire(import.meta.url);
const promisesAplusTests = require('promises-aplus-tests');

// A job queue drained on a real microtask, like an event loop's microtask
// checkpoint: jobs enqueued while draining run in the same drain.
const queue = [];
let scheduled = false;
function drain() {
  scheduled = false;
  for (let i = 0; i < queue.length; i += 2) queue[i](queue[i + 1]);
  queue.length = 0;
}
const host = {
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
};
const P = createPromiseClass(host);

const adapter = {
  resolved: (v) => P.resolve(v),
  rejected: (r) => P.reject(r),
  deferred() {
    const { promise, resolve, reject } = P.withResolvers();
    return { promise, resolve, reject };
  },
};

// Silence mocha's own reporter output; count results ourselves.
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

// The suite's default per-test timeout is 200 ms; the tests themselves wait at
// most ~100 ms, so a longer limit only tolerates a loaded machine (the repo's
// other suites run in parallel) and never hides a hang for long.
promisesAplusTests(adapter, { reporter: Reporter, timeout: 5000 }, () => {
  process.stdout.write(JSON.stringify({ passes, failures, failedTitles }) + '\n');
  process.exit(0);
});
