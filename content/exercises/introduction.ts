// Exercises at the end of the Introduction (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'gather-order',
    kind: 'predict-order',
    title: { en: 'Who answers first?', zh: '谁先返回？' },
    prompt: {
      en: 'Three pages are fetched at once with `gather`; each takes a different time. Put the lines in the order the program prints them.',
      zh: '用 `gather` 同时抓取三个页面，每个耗时不同。把下面几行按程序打印的顺序排好。',
    },
    program: 'gather-order.program.ts',
    lines: {
      en: ['got /a', 'got /bb', 'got /ccc', 'all done: /a /bb /ccc'],
      zh: ['取到 /a', '取到 /bb', '取到 /ccc', '全部完成：/a /bb /ccc'],
    },
    hints: [
      { en: 'All three waits start at 0 ms; each line is printed when its own wait ends.', zh: '三个等待都从 0 ms 开始；每一行在各自的等待结束时打印。' },
      { en: '`gather` returns the results in the order you passed the functions, not in the order they finished.', zh: '`gather` 按传入函数的顺序返回结果，而不是按完成的先后。' },
    ],
    explanation: {
      en: 'The fetches overlap, so they finish by duration: /bb at 50 ms, /ccc at 120 ms, /a at 200 ms. `gather` then hands back the results in argument order, which is why the last line still says /a /bb /ccc.',
      zh: '三个请求是重叠进行的，所以按耗时先后完成：/bb 在 50 ms，/ccc 在 120 ms，/a 在 200 ms。而 `gather` 按参数顺序返回结果，所以最后一行仍是 /a /bb /ccc。',
    },
  },
  {
    id: 'forgot-await',
    kind: 'fix',
    title: { en: 'Saved, or not yet?', zh: '真的保存好了吗？' },
    prompt: {
      en: 'The program says "all saved, safe to quit" before the report is saved. Make it print that line only after the save has finished.',
      zh: '程序在报告还没保存完时就打印了“全部保存完毕，可以退出了”。改一改，让它等保存真正完成后再打印这一行。',
    },
    starter: 'forgot-await.starter.ts',
    solution: 'forgot-await.solution.ts',
    alternatives: ['forgot-await.alt1.ts', 'forgot-await.alt2.ts'],
    checks: [
      { check: 'lines-in-order', lines: [
        { regex: '^(saved|已保存) report$', text: { en: 'saved report', zh: '已保存 report' } },
        { regex: '^(all saved, safe to quit|全部保存完毕，可以退出了)$', text: { en: 'all saved, safe to quit', zh: '全部保存完毕，可以退出了' } },
      ] },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Calling an async function starts it and gives you a promise at once; the code after the call does not wait.', zh: '调用 async 函数会立刻启动它并返回一个 promise；调用之后的代码不会等它。' },
      { en: 'Something has to wait for the promise that `save(...)` returns.', zh: '总得有人等待 `save(...)` 返回的那个 promise。' },
    ],
    explanation: {
      en: 'Without `await`, `save` runs until its first `await sleep(100)` and returns a pending promise; the top level carries on and prints at 0 ms. `await save(...)` (or `.then`, or awaiting a task) makes the next line wait for the save.',
      zh: '没有 `await` 时，`save` 跑到第一个 `await sleep(100)` 就返回一个尚未完成的 promise，顶层代码接着往下走，在 0 ms 就打印了。写成 `await save(...)`（或用 `.then`，或等待一个任务），下一行才会等保存完成。',
    },
  },
  {
    id: 'waiting-is-free',
    kind: 'predict-time',
    title: { en: 'Waiting versus working', zh: '等待与干活' },
    prompt: {
      en: 'Two things run together: one task sleeps for 300 ms; the other sleeps 100 ms, then works for 250 ms without giving the loop back. At what virtual time (ms) is `finished` printed?',
      zh: '两件事一起进行：一个任务睡 300 ms；另一个先睡 100 ms，然后连续干 250 ms 的活，中间不把事件循环让出来。`结束` 在虚拟时间第几 ms 打印？',
    },
    program: 'waiting-is-free.program.ts',
    line: { en: 'finished', zh: '结束' },
    hints: [
      { en: 'Two sleeps overlap: waiting costs the loop nothing.', zh: '两段睡眠可以重叠：等待不占用事件循环。' },
      { en: 'Work does not overlap with anything on the same loop, and a timer that comes due meanwhile has to wait its turn.', zh: '在同一个事件循环上，干活是没法和别的事重叠的；这期间到期的定时器只能等着。' },
    ],
    explanation: {
      en: 'The 300 ms sleep and the 100 ms sleep run at the same time. At 100 ms the second task blocks the loop until 350 ms; the first sleep is due at 300 ms but can only be noticed once the loop is free, at 350 ms. So `finished` comes at 350 ms: waiting is free, work is not.',
      zh: '300 ms 和 100 ms 的两段睡眠是同时进行的。100 ms 时第二个任务开始干活，把事件循环一直占到 350 ms；第一段睡眠在 300 ms 到期，可要等循环空下来才能处理，也就是 350 ms。所以 `结束` 在 350 ms 打印：等待不花成本，干活却实打实要花时间。',
    },
  },
] satisfies Exercise[];
