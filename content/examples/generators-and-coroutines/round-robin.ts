// Tasks are generators. `yield` = "let the others run";
// `yield ms` = "wake me in ms"; the scheduler sends back the time.
type Task = Generator<number | undefined, void, number>;

let clock = 0;
const ready: Task[] = [];
const sleeping: Array<{ at: number; task: Task }> = [];

function run() {
  while (ready.length > 0 || sleeping.length > 0) {
    if (ready.length === 0) {
      sleeping.sort((a, b) => a.at - b.at); // stable: equal times keep their order
      const { at, task } = sleeping.shift()!;
      clock = at; // nothing to run: jump to the next wake-up
      ready.push(task);
    }
    const task = ready.shift()!;
    const step = task.next(clock); // resume it until its next yield
    if (step.done) continue;
    if (step.value === undefined) ready.push(task); // back of the queue
    else sleeping.push({ at: clock + step.value, task });
  }
}

function* countdown(name: string, n: number): Task {
  for (; n > 0; n--) {
    console.log(`[${clock}] ${name}: ${n}`);
    yield; // give up the turn
  }
}

function* poller(): Task {
  for (let i = 1; i <= 2; i++) {
    const t = yield 100; // sleep 100
    console.log(`[${t}] poller woke up (${i})`);
  }
}

ready.push(countdown('A', 3), countdown('B', 2), poller());
run();
console.log(`[${clock}] all tasks finished`);
