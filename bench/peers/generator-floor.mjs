// Not a peer: the floor under any loop built as miniloop is. The same
// 100,000-task workload on the smallest loop (floor-loop.mjs), its tasks
// driven the way the compiler lowers `async` functions - a generator per call,
// made by a generator function all the calls share, from the values passed
// to it (compiler/shared-bodies.ts), with the driver's shared generator
// prototype. What this costs on a machine, a traced loop with asyncio's
// semantics cannot go under; so it says which of issue 11's aims the
// lowering leaves room for (bench/README.md).
//
// Usage (from bench/peers/peers.mjs and bench/phases.mjs): node bench/peers/generator-floor.mjs TASKS [--in-order]
// Prints what floor-loop.mjs's runFloor prints.
import { log, runFloor, Sleep, sleepMs, Task } from './floor-loop.mjs';

const GENERATOR_PROTOTYPE = Object.getPrototypeOf(function* () {}).prototype;

/** The driver's handling of a shared body (src/runtime/driver.ts): the standard prototype, once. */
function sharedBody(fn) {
  fn.prototype = GENERATOR_PROTOTYPE;
  return fn;
}

// As the compiler lowers `createTask(async () => { ... })` in the loop: a shell per iteration
// that passes `i` to the one shared body (its prototype set once, as the driver does).
let body;
runFloor((i) => {
  new Task(() => Reflect.apply((body ??= sharedBody(function* (i) {
    yield new Sleep(sleepMs(i));
    log('woke', i);
  })), null, [i]));
});
