// 一个极简的轮转调度器：每个任务是一个生成器，`yield` 表示让别的任务先跑。
type Task = Generator<undefined, void, undefined>;
const ready: Task[] = [];

function run() {
  while (ready.length > 0) {
    const task = ready.shift()!;
    if (!task.next().done) ready.push(task); // 还没结束：排回队尾
  }
}

function* download(name: string, parts: number): Task {
  for (let i = 1; i <= parts; i++) {
    console.log(`${name}：下载第 ${i} 段`);
    yield; // 让别的任务先跑
  }
}

function* job(name: string): Task {
  console.log(`${name}：开始`);
  yield* download(name, 2); // 委托：它的每个 yield 都成了本任务的 yield
  console.log(`${name}：完成`);
}

ready.push(job('A'), job('B'));
run();
