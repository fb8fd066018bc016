// Exercises at the end of "Generators and coroutines" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'lazy-generator',
    kind: 'predict-order',
    title: { en: 'When does a generator start, and where do sent values go?', zh: '生成器什么时候开始跑，`send` 进去的值去了哪？' },
    prompt: {
      en: 'A generator logs as it runs, and the caller passes a value to every `next()`. Put the lines in the order they are printed.',
      zh: '一个生成器边跑边打日志，调用方每次 `next()` 都传一个值进去。把这些行按打印顺序排好。',
    },
    program: 'lazy-generator.program.ts',
    lines: {
      en: ['generator created', 'counter: started', 'next("a") -> 1', 'counter: got b', 'next("b") -> 2', 'counter: finished', 'next("c") -> done = true'],
      zh: ['生成器已创建', 'counter：开始执行', 'next("a") -> 1', 'counter：收到 b', 'next("b") -> 2', 'counter：结束', 'next("c") -> done = true'],
    },
    hints: [
      { en: 'Calling a generator function runs none of its body.', zh: '调用生成器函数时，函数体一行都不执行。' },
      { en: 'The value passed to `next(v)` becomes the value of the `yield` the generator is paused at. On the first `next` it is paused at no `yield` yet.', zh: '`next(v)` 传进去的值，会成为生成器当前停住的那个 `yield` 表达式的值。第一次 `next` 时，它还没停在任何 `yield` 上。' },
    ],
    explanation: {
      en: '`counter()` only creates the generator. The first `next("a")` runs the body up to `yield 1`; `"a"` has no `yield` to go to and is dropped (Python raises a TypeError instead). `next("b")` resumes: `b` is the value of `yield 1`, and the body runs to `yield 2`. `next("c")` runs the rest and the generator is done.',
      zh: '`counter()` 只是创建了生成器。第一次 `next("a")` 把函数体跑到 `yield 1`；这时没有哪个 `yield` 接收 `"a"`，它就被丢掉了（Python 则会抛 `TypeError`）。`next("b")` 让它恢复执行：`b` 是 `yield 1` 的值，函数体接着跑到 `yield 2`。`next("c")` 跑完剩下的部分，生成器结束。',
    },
  },
  {
    id: 'forgotten-delegation',
    kind: 'fix',
    title: { en: 'A sub-generator that never runs', zh: '从来没跑过的子生成器' },
    prompt: {
      en: 'Each job should download two parts, taking turns with the other job (`A: part 1`, `B: part 1`, `A: part 2`, ...). The parts are never printed. Fix `job` so that both jobs download their parts, interleaved, before `done`.',
      zh: '每个 `job` 应该下载两段，并且和另一个 `job` 轮流来（`A：下载第 1 段`、`B：下载第 1 段`、`A：下载第 2 段`……）。可这些行一行都没打印。修好 `job`，让两个 `job` 交替下载完各自的两段，然后才打印 `A：完成` 和 `B：完成`。',
    },
    starter: 'forgotten-delegation.starter.ts',
    solution: 'forgotten-delegation.solution.ts',
    alternatives: ['forgotten-delegation.alt1.ts'],
    checks: [
      { check: 'line-count', match: { regex: '^[AB](: part |：下载第 )[12]', text: { en: '<job>: part <n>', zh: '<job>：下载第 <n> 段' } }, count: 4 },
      {
        check: 'lines-in-order',
        lines: [
          { regex: '^A(: part |：下载第 )1', text: { en: 'A: part 1', zh: 'A：下载第 1 段' } },
          { regex: '^B(: part |：下载第 )1', text: { en: 'B: part 1', zh: 'B：下载第 1 段' } },
          { regex: '^A(: part |：下载第 )2', text: { en: 'A: part 2', zh: 'A：下载第 2 段' } },
          { regex: '^A(: done|：完成)$', text: { en: 'A: done', zh: 'A：完成' } },
        ],
      },
      { check: 'lines-in-order', lines: [{ regex: '^B(: part |：下载第 )2', text: { en: 'B: part 2', zh: 'B：下载第 2 段' } }, { regex: '^B(: done|：完成)$', text: { en: 'B: done', zh: 'B：完成' } }] },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'What does calling a generator function do, if nobody calls `next()` on the result?', zh: '调用一个生成器函数，如果没人对结果调用 `next()`，会发生什么？' },
      { en: 'The page showed how one generator hands its turn-taking to another: `yield from` in Python.', zh: '本页讲过一个生成器怎样把“让出执行权”交给另一个生成器：Python 里的 `yield from`。' },
    ],
    explanation: {
      en: '`download(name, 2)` creates a generator and drops it, the generator twin of a forgotten `await`. `yield* download(name, 2)` (Python\'s `yield from`) runs it inside the job: each of its `yield`s goes up to the scheduler, so the jobs take turns. Driving it by hand, `while (!inner.next().done) yield;`, does the same.',
      zh: '`download(name, 2)` 只是创建了一个生成器，随即就扔掉了——这相当于生成器版的“忘了 `await`”。`yield* download(name, 2)`（即 Python 的 `yield from`）在 `job` 里驱动它：它的每个 `yield` 都上交给调度器，两个 `job` 于是轮流执行。手动驱动它（`while (!inner.next().done) yield;`）效果一样。',
    },
  },
  {
    id: 'delegated-send',
    kind: 'predict-order',
    title: { en: 'Sending through `yield*`', zh: '穿过 `yield*` 的 `send`' },
    prompt: {
      en: '`outer` delegates to `inner` with `yield*`, and the caller sends `hi` with the second `next`. Put the lines in the order they are printed.',
      zh: '`outer` 用 `yield*` 委托给 `inner`，调用方在第二次 `next` 时传入 `hi`。把这些行按打印顺序排好。',
    },
    program: 'delegated-send.program.ts',
    lines: {
      en: ['outer: start', 'inner: start', '1st next: from inner', 'inner: got hi', 'outer: yield* gave inner result', '2nd next: from outer'],
      zh: ['outer：开始', 'inner：开始', '第 1 次 next：from inner', 'inner：收到 hi', 'outer：yield* 的结果是 inner result', '第 2 次 next：from outer'],
    },
    hints: [
      { en: 'While `yield*` runs, the caller talks directly to the inner generator: its yields come out, and sent values go in.', zh: '`yield*` 执行期间，调用方直接和内层生成器打交道：内层的 `yield` 直接传出来，`send` 的值也直接送进去。' },
      { en: 'The value of a `yield*` expression is what the inner generator returns.', zh: '`yield*` 表达式的值，就是内层生成器 `return` 的值。' },
    ],
    explanation: {
      en: 'The first `next` runs `outer` into `inner` up to its `yield`, whose value reaches the caller directly. The second `next("hi")` goes straight to `inner`, which prints `got hi` and returns; that return value becomes the value of `yield*` in `outer`, which then runs to its own `yield`. This is how `await` passes a coroutine\'s suspension up to the event loop and the result back down.',
      zh: '第一次 `next` 让 `outer` 一路进入 `inner`，跑到 `inner` 的 `yield`，它产出的值直接交到调用方手里。第二次 `next("hi")` 直接送进 `inner`：它打印出 `inner：收到 hi`，然后 `return`；这个返回值成了 `outer` 里 `yield*` 表达式的值，`outer` 再接着跑到自己的 `yield`。`await` 正是这样把协程的挂起一路上交给事件循环，再把结果一路送回来的。',
    },
  },
  {
    id: 'eager-async',
    kind: 'predict-order',
    title: { en: 'An async function and a generator, called side by side', zh: '`async` 函数和生成器，并排调用' },
    prompt: {
      en: 'Both an async function and a generator function are called, then the program logs, steps the generator and awaits the async result. Put the lines in the order they are printed.',
      zh: '程序先调用一个 `async` 函数和一个生成器函数，然后打一行日志，让生成器走一步，再 `await` 这个 `async` 函数的结果。把这些行按打印顺序排好。',
    },
    program: 'eager-async.program.ts',
    lines: {
      en: ['fetchUser: body starts', 'both called', 'steps: body starts', 'fetchUser: resumed', 'user = ann'],
      zh: ['fetchUser：函数体开始', '两个都调用了', 'steps：函数体开始', 'fetchUser：恢复执行', 'user = ann'],
    },
    hints: [
      { en: 'A JavaScript async function is eager: calling it runs its body at once, up to the first `await`. A generator is lazy.', zh: 'JavaScript 的 `async` 函数是立即执行的：一调用就开始跑函数体，直到第一个 `await`。生成器则是惰性执行的。' },
      { en: 'The code after `await null` is a microtask: it runs when the synchronous code has finished.', zh: '`await null` 后面的代码是一个微任务：要等同步代码跑完才执行。' },
    ],
    explanation: {
      en: '`steps()` is called first, but its body waits for `next()`. `fetchUser()` starts at once and prints before `both called`. Then `g.next()` runs the generator\'s body, synchronously. The program\'s own `await` finally lets the microtask that resumes `fetchUser` run. In Python both would be lazy: a coroutine runs nothing until it is awaited or wrapped in a task.',
      zh: '虽然先调用的是 `steps()`，它的函数体要等到 `next()` 才执行。`fetchUser()` 则立刻开始，在 `两个都调用了` 之前就打印了。接着 `g.next()` 同步地执行了生成器的函数体。直到程序自己 `await` 时，恢复 `fetchUser` 的那个微任务才得以执行。换成 Python，两者都是惰性执行的：协程在被 `await` 或包成任务之前一行都不跑。',
    },
  },
] satisfies Exercise[];
