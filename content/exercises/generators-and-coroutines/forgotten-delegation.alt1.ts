type Task = Generator<undefined, void, undefined>;
const ready: Task[] = [];

function run() {
  while (ready.length > 0) {
    const task = ready.shift()!;
    if (!task.next().done) ready.push(task);
  }
}

function* download(name: string, parts: number): Task {
  for (let i = 1; i <= parts; i++) {
    console.log(`${name}: part ${i}`);
    yield;
  }
}

function* job(name: string): Task {
  console.log(`${name}: start`);
  // Delegation by hand: drive the inner generator and pass each of its yields up.
  const inner = download(name, 2);
  while (!inner.next().done) yield;
  console.log(`${name}: done`);
}

ready.push(job('A'), job('B'));
run();
