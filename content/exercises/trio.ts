// Exercises at the end of "trio" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'nursery-failure',
    kind: 'predict-order',
    title: { en: 'A child fails inside a nursery', zh: 'nursery 里有个子任务失败了' },
    prompt: {
      en: 'A nursery runs three children: `slow` (200 ms), `flaky` (raises after 50 ms) and `fast` (20 ms). Put the lines in the order they are printed.',
      zh: '一个 nursery 里跑着三个子任务：`slow`（200 ms）、`flaky`（50 ms 后抛异常）和 `fast`（20 ms）。把这些行按打印顺序排好。',
    },
    program: 'nursery-failure.program.ts',
    lines: {
      en: ['body ends', 'fast done', 'flaky raises', 'slow cancelled', 'the nursery raised'],
      zh: ['nursery 代码块结束', 'fast 完成', 'flaky 抛出异常', 'slow 被取消', 'nursery 抛出了异常'],
    },
    hints: [
      { en: '`startSoon` only schedules a child; it first runs when the body reaches a checkpoint (here: its end).', zh: '`startSoon` 只是把子任务排上日程；要等代码块走到检查点（这里就是它的结尾）子任务才开始跑。' },
      { en: 'When a child raises, the nursery cancels everything else inside it, and only then raises itself.', zh: '一个子任务抛出异常时，nursery 会取消里面其余的一切，等它们都结束后自己才抛出异常。' },
    ],
    explanation: {
      en: 'The body finishes before any child runs. `fast` completes at 20 ms. At 50 ms `flaky` raises; the nursery cancels `slow`, which sees `Cancelled` at its `sleep` and cleans up. Only when every child has finished does the nursery raise (an `ExceptionGroup` holding the `ValueError`): no child outlives the block, even when something fails.',
      zh: '代码块在所有子任务开始之前就执行完了。`fast` 在 20 ms 完成。50 ms 时 `flaky` 抛出异常，nursery 随即取消 `slow`：`slow` 在它的 `sleep` 处收到 `Cancelled`，做完清理。等所有子任务都结束了，nursery 才抛出异常（一个装着 `ValueError` 的 `ExceptionGroup`）。哪怕出了错，也没有子任务能活过这个代码块。',
    },
  },
  {
    id: 'shielded-cleanup',
    kind: 'predict-time',
    title: { en: 'Cleanup in a cancelled scope', zh: '在已取消的作用域里做清理' },
    prompt: {
      en: 'A download runs under `moveOnAfter(100)`. When it is cancelled, its `finally` block does two 30 ms steps, the first inside a shielded scope. At what virtual time (ms) is `moved on` printed?',
      zh: '一次下载跑在 `moveOnAfter(100)` 里。被取消后，它的 `finally` 块要做两步各 30 ms 的清理，第一步放在屏蔽（shield）的作用域里。`继续往下走` 在虚拟时间第几 ms 打印？',
    },
    program: 'shielded-cleanup.program.ts',
    line: { en: 'moved on', zh: '继续往下走' },
    hints: [
      { en: 'In trio a cancelled scope stays cancelled: every checkpoint inside it raises `Cancelled` again, also in `finally`.', zh: '在 trio 里，作用域一旦被取消就一直处于取消状态：其中的每个检查点都会再次抛出 `Cancelled`，`finally` 里也一样。' },
      { en: 'A shielded scope keeps the outer cancellation out, but only for the code inside it.', zh: '屏蔽的作用域能挡住外面的取消，但只对它里面的代码有效。' },
    ],
    explanation: {
      en: 'At 100 ms the `sleep(1000)` raises `Cancelled`. The shielded 30 ms step runs in full (to 130 ms). The second `sleep(30)` is outside the shield, still in the cancelled scope: it raises `Cancelled` at once, so the connection is never closed politely. The scope catches its own cancellation and the program moves on at 130 ms. Cleanup that must wait belongs under the shield.',
      zh: '100 ms 时 `sleep(1000)` 抛出 `Cancelled`。屏蔽作用域里那 30 ms 完整地执行了（到 130 ms）。第二个 `sleep(30)` 在屏蔽之外，仍处于已取消的作用域中：它立刻抛出 `Cancelled`，连接根本没来得及好好关闭。作用域接住了它自己发起的取消，程序在 130 ms 继续往下走。需要等待的清理工作应当放进屏蔽作用域。',
    },
  },
  {
    id: 'escaping-fetch',
    kind: 'fix',
    title: { en: 'Children that escape their function', zh: '逃出函数的子任务' },
    prompt: {
      en: '`fetchAll` starts its fetches in the nursery it is given, so it returns before any page has arrived and reports 0 pages. Fix it so that `fetchAll` returns all 3 pages, after the last fetch.',
      zh: '`fetchAll` 把抓取任务启动在调用方传进来的 nursery 里，所以一个页面都还没到它就返回了，报告 0 个页面。修好它，让 `fetchAll` 在最后一次抓取完成之后返回全部 3 个页面。',
    },
    starter: 'escaping-fetch.starter.ts',
    solution: 'escaping-fetch.solution.ts',
    alternatives: ['escaping-fetch.alt1.ts'],
    checks: [
      { check: 'line-count', match: { regex: '(fetchAll returned 3 pages|fetchAll 返回了 3 个页面)$', text: { en: 'fetchAll returned 3 pages', zh: 'fetchAll 返回了 3 个页面' } }, count: 1 },
      {
        check: 'lines-in-order',
        lines: [
          { regex: '(fetched b|抓到 b)$', text: { en: 'fetched b', zh: '抓到 b' } },
          { regex: '(fetchAll returned|fetchAll 返回了)', text: { en: 'fetchAll returned ...', zh: 'fetchAll 返回了……' } },
        ],
      },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'A child lives as long as the nursery it was started in, not as long as the function that started it.', zh: '子任务的寿命跟着启动它的那个 nursery 走，而不是跟着启动它的函数走。' },
      { en: 'Which nursery closes when `fetchAll` is done? Is there one?', zh: '`fetchAll` 结束时，有哪个 nursery 会关闭？有这样一个 nursery 吗？' },
    ],
    explanation: {
      en: 'Passing a nursery into a function lets the function start tasks that outlive it: here the fetches escape `fetchAll`, which returns an empty list at 0 ms. Open a nursery inside `fetchAll` (or around the one call) so that it closes only when every fetch is done: then the return value is complete. Take a nursery parameter only for work that is meant to keep running after you return, such as a server.',
      zh: '把 nursery 作为参数传进函数，就等于允许这个函数启动比它自己活得更久的任务：这里的抓取任务逃出了 `fetchAll`，而它在 0 ms 就返回了一个空列表。在 `fetchAll` 里面（或者就围着这一次调用）开一个 nursery，它要等所有抓取完成才关闭，返回值也就完整了。只有那些本来就该在函数返回后继续运行的工作（比如服务器），才应当接收 nursery 参数。',
    },
  },
  {
    id: 'unclosed-channel',
    kind: 'fix',
    title: { en: 'A consumer that waits forever', zh: '永远等下去的消费者' },
    prompt: {
      en: 'Two producers send through clones of a memory channel; the consumer loops until every send end is closed. All four items are processed, then the run deadlocks. Fix it so that the consumer finishes and the program prints its last line.',
      zh: '两个生产者通过内存通道的副本发送数据；消费者一直循环，直到所有发送端都关闭。四个数据都处理完了，运行却以死锁告终。修好它，让消费者正常结束，程序打印出最后一行。',
    },
    starter: 'unclosed-channel.starter.ts',
    solution: 'unclosed-channel.solution.ts',
    alternatives: ['unclosed-channel.alt1.ts'],
    checks: [
      { check: 'no-deadlock' },
      { check: 'line-count', match: { regex: '(processed|处理完) [ab][12]$', text: { en: 'processed <item>', zh: '处理完 <item>' } }, count: 4 },
      { check: 'lines-in-order', lines: [{ regex: '(consumer finished|消费者结束)$', text: { en: 'consumer finished', zh: '消费者结束' } }, { regex: '(all done|全部完成)$', text: { en: 'all done', zh: '全部完成' } }] },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Read the deadlock report: what is the consumer waiting on?', zh: '看死锁报告：消费者在等什么？' },
      { en: 'How many send ends exist? Count the original too.', zh: '一共有几个发送端？别忘了原始的那个。' },
    ],
    explanation: {
      en: 'A receive loop ends only when every send end is closed. The producers close their clones, but the original `send` stays open, held by nobody who will use it: the consumer waits for more, and the nursery waits for the consumer. Close the original once the clones are handed out, or give the original itself to one producer.',
      zh: '接收循环要等所有发送端都关闭才会结束。两个生产者关掉了各自的副本，可原始的 `send` 一直开着，而且没人会再用它：消费者等着更多数据，nursery 又等着消费者。把副本分发出去之后关掉原始发送端，或者干脆把原始发送端直接交给其中一个生产者。',
    },
  },
] satisfies Exercise[];
