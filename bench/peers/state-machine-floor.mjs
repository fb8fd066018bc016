// Not a peer: the generator floor's workload with each task's body a state
// machine - one small object per call holding its locals and where it is -
// instead of a generator (the generator object and its register file: 160
// bytes a task, bench:heap). This is how miniloop runs benchmark (b)'s bodies
// (compiler/state-machines.ts: an arrow whose awaits are statements at its
// top level), so it is the floor `npm run bench` compares miniloop with;
// bench/phases.mjs prints it beside the generator floor (bench/README.md,
// eleventh session).
//
// Usage: node bench/peers/state-machine-floor.mjs TASKS [--in-order]
// Prints what floor-loop.mjs's runFloor prints.
import { log, runFloor, Sleep, sleepMs, Task } from './floor-loop.mjs';

const DONE = Object.freeze({ done: true, value: undefined });

/** `async (i) => { await sleep(sleepMs(i)); console.log('woke', i); }` as a state machine. */
class Body {
  constructor(i) {
    this.i = i;
    this.state = 0;
  }
  next() {
    if (this.state === 0) {
      this.state = 1;
      return { done: false, value: new Sleep(sleepMs(this.i)) };
    }
    this.state = 2;
    log('woke', this.i);
    return DONE;
  }
}

runFloor((i) => {
  new Task(() => new Body(i));
});
