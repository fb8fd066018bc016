// Exercises at the end of "asyncio and trio compared" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'swallowed-cancel',
    kind: 'fix',
    title: { en: 'A retry loop that outlives its timeout', zh: '比超时活得还久的重试循环' },
    prompt: {
      en: 'A request is retried under a 1000 ms `timeout`, yet the program runs until 2800 ms and never reports the timeout. Fix it so that `timed out` is printed by 1000 ms and the run ends then, while failed attempts are still retried.',
      zh: '一个请求在 1000 ms 的 `timeout` 里不断重试，可程序一直跑到 2800 ms，也从没报告超时。修好它，让 `超时` 不晚于 1000 ms 打印、运行随即结束，同时失败的请求照样重试。',
    },
    starter: 'swallowed-cancel.starter.ts',
    solution: 'swallowed-cancel.solution.ts',
    alternatives: ['swallowed-cancel.alt1.ts'],
    checks: [
      { check: 'line-by', match: { regex: '(timed out|超时)$', text: { en: 'timed out', zh: '超时' } }, ms: 1000 },
      { check: 'finishes-within', ms: 1000 },
      { check: 'line-count', match: { regex: '(attempt 3 failed|第 3 次失败)', text: { en: 'attempt 3 failed ...', zh: '第 3 次失败……' } }, count: 1 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Look at attempt 4: which error did the `catch` take for a failed request?', zh: '看第 4 次：`catch` 把哪种错误当成了请求失败？' },
      { en: 'asyncio cancels by throwing `CancelledError` into the task; `timeout` turns it into `TimeoutError` only if it comes back out.', zh: 'asyncio 的取消是往任务里抛一个 `CancelledError`；只有它重新传出来，`timeout` 才会把它换成 `TimeoutError`。' },
    ],
    explanation: {
      en: 'At 1000 ms `timeout` cancels the task: a `CancelledError` is thrown in at `await sleep(300)`. The catch-all `catch` treats it as one more failed attempt and carries on, so the timeout never fires. Catch only the errors you mean to retry, or re-throw `CancelledError`. In Python, `except Exception:` would not catch it (`CancelledError` is a `BaseException` since 3.8); a bare `except:` does, just like JavaScript\'s `catch`. (In trio the same mistake is milder: the next checkpoint raises `Cancelled` again, because a cancelled scope stays cancelled.)',
      zh: '1000 ms 时 `timeout` 取消了任务，在 `await sleep(300)` 处抛进一个 `CancelledError`。什么都接的 `catch` 把它当成又一次请求失败，接着重试，超时于是永远不会生效。只捕获你打算重试的那类错误，或者把 `CancelledError` 重新抛出去。在 Python 里 `except Exception:` 接不住它（从 3.8 起 `CancelledError` 继承自 `BaseException`），裸 except 却照接不误，和 JavaScript 的 `catch` 一样。（在 trio 里同样的错误后果轻一些：作用域一旦取消就一直是取消状态，下一个检查点会再次抛出 `Cancelled`。）',
    },
  },
  {
    id: 'gather-orphans',
    kind: 'fix',
    title: { en: 'Orphans left by a failed gather', zh: '`gather` 失败后留下的孤儿任务' },
    prompt: {
      en: 'One of three requests fails at 50 ms. `gather` raises at once and main moves on and returns, while the other two requests keep running and write to the cache afterwards. Fix it so that no task is left running when main returns and the failure is still reported.',
      zh: '三个请求里有一个在 50 ms 失败了。`gather` 立刻抛出异常，`main` 接着往下走并返回了，另外两个请求却还在跑，之后还往缓存里写数据。修好它，让 `main` 返回时没有任务还在运行，同时照样报告这次失败。',
    },
    starter: 'gather-orphans.starter.ts',
    solution: 'gather-orphans.solution.ts',
    alternatives: ['gather-orphans.alt1.ts'],
    checks: [
      { check: 'no-task-left' },
      { check: 'line-count', match: { regex: '(request failed|请求失败)', text: { en: 'request failed: ...', zh: '请求失败：……' } }, count: 1 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'When one awaitable fails, `gather` passes the error on but neither cancels nor waits for the others.', zh: '其中一个失败时，`gather` 只是把异常传上来，既不取消其余的，也不等它们。' },
      { en: 'The trio page\'s nursery has an asyncio counterpart since Python 3.11.', zh: 'trio 那一页的 nursery，在 Python 3.11 之后的 asyncio 里也有对应物。' },
    ],
    explanation: {
      en: '`gather` without `returnExceptions` raises the first error and leaves the other tasks running, unowned: they outlive the `try` that started them. A `TaskGroup` (asyncio\'s nursery) cancels the rest when one fails and waits for them before it raises an `ExceptionGroup`. Owning the tasks yourself and cancelling them on failure works too; it is what `TaskGroup` does for you.',
      zh: '不带 `returnExceptions` 的 `gather` 抛出第一个异常后，其余任务照样在跑，却已经没人管了：它们活过了启动它们的那个 `try`。`TaskGroup`（asyncio 版的 nursery）在一个任务失败时取消其余任务，等它们都结束后才抛出 `ExceptionGroup`。自己持有这些任务、失败时逐个取消，也能达到目的——这正是 `TaskGroup` 替你做的事。',
    },
  },
  {
    id: 'late-cancel',
    kind: 'predict-time',
    title: { en: 'A deadline during a computation', zh: '截止时间落在一段计算中间' },
    prompt: {
      en: 'A trio scope has a 100 ms deadline. Inside, the code waits 60 ms, then computes for 120 ms without a checkpoint, then saves. At what virtual time (ms) is `moved on` printed?',
      zh: '一个 trio 作用域的截止时间是 100 ms。里面的代码先等 60 ms，然后不经过任何检查点连续计算 120 ms，最后保存结果。`继续往下走` 在虚拟时间第几 ms 打印？',
    },
    program: 'late-cancel.program.ts',
    line: { en: 'moved on', zh: '继续往下走' },
    hints: [
      { en: 'Cancellation cannot interrupt running code; it is delivered at a checkpoint.', zh: '取消没法打断正在执行的代码，它只在检查点送达。' },
      { en: 'Is `blockFor` a checkpoint? Is `sleep`?', zh: '`blockFor` 是检查点吗？`sleep` 呢？' },
    ],
    explanation: {
      en: 'The deadline passes at 100 ms, in the middle of `blockFor(120)`, which has no checkpoint. The computation runs to 180 ms and prints `crunched`; the next `await sleep(10)` is a checkpoint and raises `Cancelled` at once, so `saved` is never printed. The scope catches it and the program moves on at 180 ms. asyncio behaves the same way: cancellation arrives at the next `await`.',
      zh: '截止时间在 100 ms 到达，这时正在执行 `blockFor(120)`，里面没有检查点。计算一直跑到 180 ms，打印出 `处理完了`；接下来的 `await sleep(10)` 是检查点，立刻抛出 `Cancelled`，所以 `已保存` 没有打印。作用域接住这个取消，程序在 180 ms 继续往下走。asyncio 也一样：取消要等到下一个 `await` 才送达。',
    },
  },
  {
    id: 'race-loser',
    kind: 'predict-order',
    title: { en: 'The loser of a race', zh: '赛跑的输家' },
    prompt: {
      en: 'A slow request (300 ms) races a 100 ms deadline with `Promise.race`. Put the lines in the order they are printed.',
      zh: '一个慢请求（300 ms）用 `Promise.race` 和一个 100 ms 的截止时间赛跑。把这些行按打印顺序排好。',
    },
    program: 'race-loser.program.ts',
    lines: {
      en: ['request sent', 'racing', 'winner: timeout', 'main moves on', 'slow request finished anyway'],
      zh: ['请求已发出', '开始赛跑', '胜者：timeout', 'main 继续往下走', '慢请求照样跑完了'],
    },
    hints: [
      { en: 'The executor of `new Promise` runs at once, inside the constructor.', zh: '`new Promise` 的执行器函数在构造函数里就立刻执行了。' },
      { en: 'Does losing a race stop a promise\'s work?', zh: '赛跑输了，这个 Promise 背后的工作就会停下吗？' },
    ],
    explanation: {
      en: 'A JavaScript promise starts its work when it is created (eager), so `request sent` comes first. `Promise.race` settles with the deadline at 100 ms, but nothing cancels the loser: its timer still fires at 300 ms. To stop the work you must pass an `AbortSignal` that it listens to. An asyncio `timeout` or a trio cancel scope cancels the losing task instead.',
      zh: 'JavaScript 的 Promise 一创建就开始干活（立即执行），所以 `请求已发出` 最先打印。`Promise.race` 在 100 ms 随截止时间敲定，可没有谁去取消输家：它的定时器在 300 ms 照样触发。要让工作停下，得传一个它会监听的 `AbortSignal`。而 asyncio 的 `timeout` 或 trio 的取消作用域会直接取消落败的任务。',
    },
  },
] satisfies Exercise[];
