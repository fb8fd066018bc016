// 任务就是生成器。`yield` 表示“让别人先跑”，
// `yield ms` 表示“ms 之后叫醒我”，调度器把当前时间送回来。
type Task = Generator<number | undefined, void, number>;

let clock = 0;
const ready: Task[] = [];
const sleeping: Array<{ at: number; task: Task }> = [];

function run() {
  while (ready.length > 0 || sleeping.length > 0) {
    if (ready.length === 0) {
      sleeping.sort((a, b) => a.at - b.at); // 稳定排序：时间相同的保持原有顺序
      const { at, task } = sleeping.shift()!;
      clock = at; // 没有可运行的：跳到下一个唤醒时刻
      ready.push(task);
    }
    const task = ready.shift()!;
    const step = task.next(clock); // 恢复它，直到下一个 yield
    if (step.done) continue;
    if (step.value === undefined) ready.push(task); // 回到队尾
    else sleeping.push({ at: clock + step.value, task });
  }
}

function* countdown(name: string, n: number): Task {
  for (; n > 0; n--) {
    console.log(`[${clock}] ${name}: ${n}`);
    yield; // 让出这一轮
  }
}

function* poller(): Task {
  for (let i = 1; i <= 2; i++) {
    const t = yield 100; // 睡 100
    console.log(`[${t}] poller 第 ${i} 次醒来`);
  }
}

ready.push(countdown('A', 3), countdown('B', 2), poller());
run();
console.log(`[${clock}] 所有任务都已完成`);
