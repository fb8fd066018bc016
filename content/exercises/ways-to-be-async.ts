// Exercises at the end of "Ways to be asynchronous" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'late-listener',
    kind: 'predict-order',
    title: { en: 'Emitting is synchronous; listening is not retroactive', zh: '`emit` 是同步的，监听也不会补发' },
    prompt: {
      en: 'A `logger` listens to `data` from the start; a `parser` is added at the end. The program emits one chunk at once and one from a 0 ms timer, and queues a microtask. Put the lines in the order they are printed.',
      zh: '`logger` 一开始就监听 `data` 事件，`parser` 到最后才加上。程序立刻 `emit` 一块数据，再从一个 0 ms 的定时器里 `emit` 一块，中间还排了一个微任务。把这些行按打印顺序排好。',
    },
    program: 'late-listener.program.ts',
    lines: {
      en: ['before emit', 'logger got chunk 1', 'after emit', 'microtask', 'logger got chunk 2', 'parser got chunk 2'],
      zh: ['emit 之前', 'logger 收到 chunk 1', 'emit 之后', '微任务', 'logger 收到 chunk 2', 'parser 收到 chunk 2'],
    },
    hints: [
      { en: '`emit` is an ordinary loop over the listeners, called right where it stands.', zh: '`emit` 就是在原地对监听器做一次普通的循环调用。' },
      { en: 'A listener only hears events emitted after it was added.', zh: '监听器只能收到它注册之后才触发的事件。' },
    ],
    explanation: {
      en: '`emit` calls the listeners synchronously, before it returns: `logger got chunk 1` comes between `before emit` and `after emit`. The `parser` is added after that, so it never sees chunk 1; events are not kept for late listeners (a promise, by contrast, remembers its result). The microtask runs before the timer, and the timer\'s emit reaches both listeners.',
      zh: '`emit` 在返回之前就同步调用了所有监听器：`logger 收到 chunk 1` 夹在 `emit 之前` 和 `emit 之后` 中间。`parser` 是在这之后才注册的，所以永远收不到 `chunk 1`，事件不会替迟到的监听器留着（Promise 则会记住它的结果）。微任务在定时器之前执行，定时器里的 `emit` 则两个监听器都能收到。',
    },
  },
  {
    id: 'forgotten-saves',
    kind: 'fix',
    title: { en: '"all saved" before anything is saved', zh: '还没保存就打印 `全部已保存`' },
    prompt: {
      en: 'The program saves three records and then reports `all saved`, but the report comes at 0 ms, before any save has finished. Fix it so that the report comes after every `saved` line.',
      zh: '程序保存三条记录，然后打印 `全部已保存`。可这一行在 0 ms 就打印了，一条都还没存完。改一改，让它出现在每一行 `<name> 已保存` 之后。',
    },
    starter: 'forgotten-saves.starter.ts',
    solution: 'forgotten-saves.solution.ts',
    alternatives: ['forgotten-saves.alt1.ts'],
    checks: [
      { check: 'line-count', match: { regex: '(saved [abc]|[abc] 已保存)$', text: { en: 'saved <name>', zh: '<name> 已保存' } }, count: 3 },
      { check: 'lines-in-order', lines: [{ regex: '(saved a|a 已保存)$', text: { en: 'saved a', zh: 'a 已保存' } }, { regex: '(all saved|全部已保存)$', text: { en: 'all saved', zh: '全部已保存' } }] },
      { check: 'lines-in-order', lines: [{ regex: '(saved b|b 已保存)$', text: { en: 'saved b', zh: 'b 已保存' } }, { regex: '(all saved|全部已保存)$', text: { en: 'all saved', zh: '全部已保存' } }] },
      { check: 'lines-in-order', lines: [{ regex: '(saved c|c 已保存)$', text: { en: 'saved c', zh: 'c 已保存' } }, { regex: '(all saved|全部已保存)$', text: { en: 'all saved', zh: '全部已保存' } }] },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'The `await` inside the callback waits, but who waits for the callback?', zh: '回调里的 `await` 确实在等，可谁在等这个回调呢？' },
      { en: '`forEach` calls the async callback and throws away the promise it returns.', zh: '`forEach` 调用了 `async` 回调，却把它返回的 Promise 随手扔掉了。' },
    ],
    explanation: {
      en: 'An async callback returns a promise; `forEach` ignores it, so nothing awaits the saves and the summary runs at once: a forgotten `await` in disguise. Collect the promises and `await Promise.all(...)` (the saves overlap, 30 ms), or await each in a `for ... of` loop (one after another, 60 ms).',
      zh: '`async` 回调返回的是一个 Promise，`forEach` 不管它，于是没人等这些保存操作，汇总那一行立刻就执行了——这其实就是换了个样子的“忘了 `await`”。把 Promise 收集起来 `await Promise.all(...)`（三次保存重叠，共 30 ms），或者在 `for ... of` 里逐个 `await`（串行，共 60 ms），都可以。',
    },
  },
  {
    id: 'then-or-await',
    kind: 'predict-order',
    title: { en: 'A `then` chain and an `await` side by side', zh: '`then` 链和 `await` 并排跑' },
    prompt: {
      en: 'The program sets a 0 ms timer, starts a two-step `then` chain, calls an async function that awaits once, and logs. Put the lines in the order they are printed.',
      zh: '程序设了一个 0 ms 的定时器，开了一条两步的 `then` 链，调用了一个 `await` 一次的 `async` 函数，中间还打了几行日志。把这些行按打印顺序排好。',
    },
    program: 'then-or-await.program.ts',
    lines: {
      en: ['start', 'work: before await', 'end', 'then 1', 'work: after await', 'then 2', 'timeout'],
      zh: ['start', 'work: before await', 'end', 'then 1', 'work: after await', 'then 2', 'timeout'],
    },
    hints: [
      { en: 'An async function runs synchronously up to its first `await`.', zh: '`async` 函数在第一个 `await` 之前是同步执行的。' },
      { en: 'Each `then` callback and each resumption after `await` is one microtask; a microtask queued by a microtask goes to the back of the queue.', zh: '每个 `then` 回调、每次 `await` 之后的恢复，都是一个微任务；微任务里新排的微任务排到队尾。' },
      { en: 'The timer is a macrotask: it waits until the microtask queue is empty.', zh: '定时器是宏任务：要等微任务队列清空才轮到它。' },
    ],
    explanation: {
      en: 'Synchronous code first: `start`, the body of `work` up to its `await`, `end`. The microtask queue then holds `then 1` (queued first) and the rest of `work`. `then 1` queues `then 2` behind `work: after await`. Only when the queue is empty does the loop take the timer, even though it was due at 1 ms.',
      zh: '先跑同步代码：`start`、`work` 在 `await` 之前的部分、`end`。这时微任务队列里依次是 `then 1`（排得早）和 `work` 的后半段。`then 1` 执行时才把 `then 2` 排进去，排在 `work: after await` 后面。定时器虽然 1 ms 就到期了，也要等微任务队列清空才轮得到。',
    },
  },
  {
    id: 'starved-ticker',
    kind: 'fix',
    title: { en: 'A progress ticker that never ticks', zh: '一次都没报的进度' },
    prompt: {
      en: 'While 40 records are parsed (5 ms each), a 25 ms interval should print a progress line. It never does: parsing is chained through promises. Make the first progress line appear by 60 ms, with all 40 records still parsed.',
      zh: '解析 40 条记录（每条 5 ms）期间，一个 25 ms 的 `interval` 本该打印进度，可它一次都没打印——解析是用 Promise 串起来的。改一改，让第一行进度不晚于 60 ms 出现，40 条记录照样解析完。',
    },
    starter: 'starved-ticker.starter.ts',
    solution: 'starved-ticker.solution.ts',
    alternatives: ['starved-ticker.alt1.ts'],
    checks: [
      { check: 'line-by', match: { regex: '(still alive|还活着)$', text: { en: 'still alive', zh: '还活着' } }, ms: 60 },
      { check: 'line-count', match: { regex: '(parsed 40 records|解析完 40 条记录)$', text: { en: 'parsed 40 records', zh: '解析完 40 条记录' } }, count: 1 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'A `then` callback is a microtask. When does the loop get to its timers?', zh: '`then` 回调是微任务。事件循环什么时候才会去处理定时器？' },
      { en: 'The microtask queue is drained to the end, including microtasks queued by microtasks.', zh: '微任务队列要一直清到空为止，微任务里新排进来的微任务也算。' },
    ],
    explanation: {
      en: 'Each `then` queues the next step as a microtask, and the loop drains the microtask queue before it looks at timers: the whole 200 ms of parsing is one unbroken stretch, and the interval is cleared before it can run. Scheduling the next step as a macrotask (`setTimeout(next, 0)`), or awaiting a 0 ms timer between records, lets the due ticker in between.',
      zh: '每个 `then` 都把下一步排成微任务，而事件循环要先把微任务队列清空才看定时器：200 ms 的解析成了一整段不间断的工作，`interval` 还没来得及执行就被清掉了。把下一步排成宏任务（`setTimeout(next, 0)`），或者每条记录之间 `await` 一个 0 ms 的定时器，到期的进度报告就能插进来。',
    },
  },
] satisfies Exercise[];
