// A tiny round-robin scheduler: each task is a generator; `yield` lets the others run.
type Task = Generator<undefined, void, undefined>;
const ready: Task[] = [];

function run() {
  while (ready.length > 0) {
    const task = ready.shift()!;
    if (!task.next().done) ready.push(task); // not finished: back of the queue
  }
}

function* download(name: string, parts: number): Task {
  for (let i = 1; i <= parts; i++) {
    console.log(`${name}: part ${i}`);
    yield; // let the others run
  }
}

function* job(name: string): Task {
  console.log(`${name}: start`);
  yield* download(name, 2); // delegate: its yields become this task's yields
  console.log(`${name}: done`);
}

ready.push(job('A'), job('B'));
run();
