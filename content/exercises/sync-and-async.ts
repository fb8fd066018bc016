// Exercises at the end of "Synchronous and asynchronous" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'one-after-another',
    kind: 'predict-time',
    title: { en: 'Awaited one after another, then together', zh: '先一个接一个，再一起等' },
    prompt: {
      en: 'Two downloads are awaited one after the other, then two more run together with `gather`. At what virtual time (ms) is `all done` printed?',
      zh: '前两个下载一个接一个地 `await`，后两个用 `gather` 一起跑。`全部完成` 在虚拟时间第几 ms 打印？',
    },
    program: 'one-after-another.program.ts',
    line: { en: 'all done', zh: '全部完成' },
    hints: [
      { en: '`await download(...)` does not move on until that download is finished, so awaited calls add up.', zh: '`await download(...)` 要等这次下载结束才往下走，所以逐个 `await` 的时间是累加的。' },
      { en: 'Inside `gather` the downloads wait at the same time: the group takes as long as its slowest member.', zh: '`gather` 里的下载是同时在等的：整组耗时取决于最慢的那个。' },
    ],
    explanation: {
      en: '`a` and `b` run one after another: 100 + 200 = 300 ms. Then `c` (300 ms) and `d` (100 ms) wait together, which costs the longer of the two, 300 ms. 300 + 300 = 600 ms.',
      zh: '`a` 和 `b` 是串行的：100 + 200 = 300 ms。接着 `c`（300 ms）和 `d`（100 ms）一起等，只花两者中较长的 300 ms。合计 300 + 300 = 600 ms。',
    },
  },
  {
    id: 'blocking-downloads',
    kind: 'fix',
    title: { en: 'Three downloads that never overlap', zh: '三个下载为什么没有重叠' },
    prompt: {
      en: 'The three downloads are started together with `gather`, yet they finish at 100, 200 and 300 ms. Make them overlap so that all three are done by 150 ms, without blocking the loop for more than 20 ms at a time.',
      zh: '三个下载明明用 `gather` 一起启动，却分别在 100、200、300 ms 才完成。改一改，让它们真正重叠，在 150 ms 之前全部完成，而且任何一次都不要把事件循环阻塞超过 20 ms。',
    },
    starter: 'blocking-downloads.starter.ts',
    solution: 'blocking-downloads.solution.ts',
    alternatives: ['blocking-downloads.alt1.ts'],
    checks: [
      { check: 'max-block', ms: 20 },
      { check: 'line-count', match: { regex: '[ ：][abc] (downloaded|下载完成)$', text: { en: '<name> downloaded', zh: '<name> 下载完成' } }, count: 3 },
      { check: 'line-by', match: { regex: '(all downloaded|全部下载完成)$', text: { en: 'all downloaded', zh: '全部下载完成' } }, ms: 150 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Look at the timeline: each download is one solid bar, and the bars sit end to end.', zh: '看时间线：每个下载都是一整段实心条，而且首尾相接。' },
      { en: '`blockFor` holds the loop\'s only thread. A wait that hands the thread back is written with `await`.', zh: '`blockFor` 占住了事件循环唯一的线程。要把线程让出来，等待就得写成 `await`。' },
    ],
    explanation: {
      en: '`gather` can only overlap tasks that give the thread back while they wait. `blockFor(100)` is a blocking call: the loop runs nothing else until it returns, so the downloads run one after another. `await sleep(100)` (a non-blocking wait), or the blocking call moved into a worker thread with `toThread`, lets all three wait at once.',
      zh: '`gather` 能让任务重叠，前提是它们在等待时把线程让出来。`blockFor(100)` 是阻塞调用：它返回之前事件循环什么都跑不了，于是三个下载只能排队。换成非阻塞的 `await sleep(100)`，或者用 `toThread` 把阻塞调用挪到工作线程里，三个下载才会同时等待。',
    },
  },
  {
    id: 'greedy-task',
    kind: 'predict-order',
    title: { en: 'A polite task and a greedy one', zh: '一个讲礼貌的任务和一个贪心的任务' },
    prompt: {
      en: 'Two tasks run concurrently on one loop. `polite` awaits after every line; `greedy` prints three lines without awaiting, then awaits once. Put the lines in the order they are printed.',
      zh: '两个任务在同一个事件循环上并发运行。`polite` 每打印一行就 `await` 一次；`greedy` 连打三行都不 `await`，最后才 `await` 一次。把这些行按打印顺序排好。',
    },
    program: 'greedy-task.program.ts',
    lines: {
      en: ['polite 1', 'greedy 1', 'greedy 2', 'greedy 3', 'polite 2', 'greedy done', 'polite 3'],
      zh: ['polite 1', 'greedy 1', 'greedy 2', 'greedy 3', 'polite 2', 'greedy done', 'polite 3'],
    },
    hints: [
      { en: 'On one loop, a task runs until it reaches an `await` that really waits; nobody can interrupt it in between.', zh: '在同一个事件循环上，任务会一直跑到一个真正需要等待的 `await` 为止，中途没有谁能打断它。' },
      { en: '`sleep(0)` gives up the turn: the task goes to the back of the ready queue.', zh: '`sleep(0)` 让出这一轮：任务排到就绪队列的队尾。' },
    ],
    explanation: {
      en: 'Concurrency on one loop is cooperative: tasks switch only at `await`. `polite` prints one line and yields; `greedy` then prints all three of its loop lines in one go, because nothing in the loop gives the turn away. After that they alternate again. A task that never awaits holds everyone else up, which is why a blocking call is so harmful.',
      zh: '一个事件循环上的并发是协作式的：任务只在 `await` 处切换。`polite` 打印一行就让出；接着 `greedy` 一口气打完循环里的三行，因为循环里没有任何地方让出执行权。之后两者才又交替起来。一个从不 `await` 的任务会拖住所有其他任务，阻塞调用之所以有害也是这个道理。',
    },
  },
  {
    id: 'thread-pool-queue',
    kind: 'predict-time',
    title: { en: 'Six jobs, four threads', zh: '六个任务，四个线程' },
    prompt: {
      en: 'Six blocking jobs go to a pool of 4 threads: five take 100 ms, the last one 250 ms. At what virtual time (ms) is `all jobs done` printed?',
      zh: '六个阻塞任务交给 4 个线程的线程池：前五个各要 100 ms，最后一个要 250 ms。`全部任务完成` 在虚拟时间第几 ms 打印？',
    },
    program: 'thread-pool-queue.program.ts',
    line: { en: 'all jobs done', zh: '全部任务完成' },
    hints: [
      { en: 'A pool of 4 runs at most four jobs at once; the others wait in line for a free thread.', zh: '4 个线程的池子最多同时跑四个任务，其余的排队等空闲线程。' },
      { en: 'Which jobs start at 0 ms, and when does the sixth one get a thread?', zh: '哪几个任务在 0 ms 开始？第六个任务什么时候才拿到线程？' },
    ],
    explanation: {
      en: 'Jobs 1-4 take the four threads at 0 ms and finish at 100 ms. Only then do jobs 5 and 6 get threads; job 6 needs 250 ms, so it ends at 100 + 250 = 350 ms, not 250 ms.',
      zh: '任务 1-4 在 0 ms 占满四个线程，100 ms 时完成。这时任务 5 和 6 才拿到线程；任务 6 要 250 ms，所以在 100 + 250 = 350 ms 结束，而不是 250 ms。',
    },
  },
] satisfies Exercise[];
