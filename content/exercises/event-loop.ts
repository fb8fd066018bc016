// Exercises at the end of "The event loop" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

export default [
  {
    id: 'late-timer',
    kind: 'predict-time',
    title: { en: 'A timer behind a blocking call', zh: '被阻塞调用拖住的定时器' },
    prompt: {
      en: 'A timer is set for 50 ms, then the program makes a 200 ms blocking call. At what virtual time (ms) is the timer line printed?',
      zh: '程序先设了一个 50 ms 的定时器，然后做了一次 200 ms 的阻塞调用。定时器那一行在虚拟时间第几 ms 打印？',
    },
    program: 'late-timer.program.ts',
    line: { en: 'timer fired', zh: '定时器触发了' },
    hints: [
      { en: 'A timer only says when its callback becomes due; the loop still has to be free to run it.', zh: '定时器只规定回调何时“到期”；事件循环还得腾出手来才能执行它。' },
      { en: 'While `blockFor` runs, the loop cannot look at its timers at all.', zh: '`blockFor` 执行期间，事件循环根本顾不上看定时器。' },
    ],
    explanation: {
      en: 'The timer becomes due at 50 ms, but the loop is stuck in the synchronous call until 200 ms. Only when the top level returns does the loop check its timers and run the overdue one: at 200 ms, not 50.',
      zh: '定时器在 50 ms 到期，但事件循环一直卡在同步调用里，直到 200 ms。顶层代码返回后，循环才去检查定时器，执行这个过期的回调：是在 200 ms，而不是 50 ms。',
    },
  },
  {
    id: 'who-blocked',
    kind: 'culprit',
    title: { en: 'Who froze the heartbeat?', zh: '谁卡住了心跳？' },
    prompt: {
      en: 'The heartbeat should print every 100 ms, yet one beat comes 280 ms after the previous one. Run the program, read the console and the timeline.',
      zh: '心跳本应每 100 ms 打印一次，可有一次却比上一次晚了 280 ms。运行程序，看看控制台和时间线。',
    },
    program: 'who-blocked.program.ts',
    question: { en: 'Which task blocked the loop longest?', zh: '哪个任务阻塞事件循环的时间最长？' },
    choices: [
      { id: 'heartbeat', label: { en: '`heartbeat`', zh: '`heartbeat`' } },
      { id: 'thumbnails', label: { en: '`thumbnails`', zh: '`thumbnails`' } },
      { id: 'logger', label: { en: '`logger`', zh: '`logger`' } },
    ],
    answer: { from: 'longest-block' },
    hints: [
      { en: 'A late line is a symptom; look for who held the thread just before it.', zh: '打印晚了只是症状；看看在它之前是谁占着线程。' },
      { en: 'The timeline draws a blocking call as one long solid bar in its task\'s lane.', zh: '在时间线上，阻塞调用是所在任务那一行里一整段长长的实心条。' },
    ],
    explanation: {
      en: '`thumbnails` wakes at 120 ms and calls `blockFor(260)`: nothing else runs until 380 ms, so the beat due at 200 ms is printed at 380 ms. `logger` blocks too, but only for 20 ms, between beats.',
      zh: '`thumbnails` 在 120 ms 醒来后调用了 `blockFor(260)`：到 380 ms 之前什么都跑不了，所以本该 200 ms 打印的心跳拖到了 380 ms。`logger` 也阻塞了，但只有 20 ms，而且正好落在两次心跳之间。',
    },
  },
  {
    id: 'frozen-heartbeat',
    kind: 'fix',
    title: { en: 'Keep the heartbeat going', zh: '让心跳不停' },
    prompt: {
      en: 'Rendering the report blocks the loop for 300 ms, so the first beat is 300 ms late. Make the beats come every 100 ms (the first by 150 ms, the fifth by 550 ms) while the report still renders.',
      zh: '生成报告把事件循环阻塞了 300 ms，第一次心跳因此晚了 300 ms。改一改，让报告照样生成，而心跳每 100 ms 一次（第一次不晚于 150 ms，第五次不晚于 550 ms）。',
    },
    starter: 'frozen-heartbeat.starter.ts',
    solution: 'frozen-heartbeat.solution.ts',
    alternatives: ['frozen-heartbeat.alt1.ts'],
    checks: [
      { check: 'max-block', ms: 50 },
      { check: 'line-by', match: { regex: '(beat|心跳) 1$', text: { en: 'beat 1', zh: '心跳 1' } }, ms: 150 },
      { check: 'line-by', match: { regex: '(beat|心跳) 5$', text: { en: 'beat 5', zh: '心跳 5' } }, ms: 550 },
      { check: 'line-count', match: { regex: '(rendered|报告) report\\.pdf', text: { en: 'rendered report.pdf', zh: '报告 report.pdf 已生成' } }, count: 1 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Making `render` async does not help: its body still runs on the loop\'s thread.', zh: '把 `render` 写成 async 没用：它的函数体仍在事件循环的线程上执行。' },
      { en: 'The page showed a way to run a blocking call in a worker thread and await it.', zh: '本页讲过怎样把阻塞调用放到工作线程里执行，再 await 它。' },
    ],
    explanation: {
      en: 'An `async` function that never awaits is synchronous code: `blockFor(300)` holds the thread. `toThread(fn, 300)` runs the work in a worker thread; the loop is free, so the heartbeat keeps its 100 ms rhythm while the report renders.',
      zh: '一个从不 await 的 `async` 函数其实就是同步代码：`blockFor(300)` 一直占着线程。`toThread(fn, 300)` 把这段工作放到工作线程里执行；事件循环腾出手来，报告生成期间心跳照样每 100 ms 一次。',
    },
  },
  {
    id: 'timer-turns',
    kind: 'predict-order',
    title: { en: 'Timers, turns and a cancelled handle', zh: '定时器、轮次和一个被取消的句柄' },
    prompt: {
      en: 'The program sets three 10 ms timers (and cancels one), a 0 ms timer and a `callSoon` callback; the first 10 ms timer schedules another `callSoon`. Put the lines in the order they are printed.',
      zh: '程序设了三个 10 ms 的定时器（取消了其中一个）、一个 0 ms 的定时器和一个 `callSoon` 回调；第一个 10 ms 定时器又安排了一个 `callSoon`。把这些行按打印顺序排好。',
    },
    program: 'timer-turns.program.ts',
    lines: {
      en: ['main done', 'soon', '0 ms timer', 'first 10 ms timer', 'second 10 ms timer', 'soon, from the first timer'],
      zh: ['main 结束', 'soon', '0 ms 定时器', '第一个 10 ms 定时器', '第二个 10 ms 定时器', 'soon，由第一个定时器安排'],
    },
    hints: [
      { en: 'A 0 ms timer still goes through the timer heap; a `callSoon` callback goes straight to the ready queue.', zh: '0 ms 的定时器照样要进定时器堆；`callSoon` 的回调则直接进就绪队列。' },
      { en: 'A turn runs exactly the callbacks that were ready when it began; what they schedule waits for the next turn.', zh: '每一轮只执行这一轮开始时已经就绪的回调；它们新安排的回调要等下一轮。' },
    ],
    explanation: {
      en: 'The top level finishes first. The `callSoon` callback is already in the ready queue, so it runs before the 0 ms timer, which is only moved there at the start of the next turn. At 10 ms both remaining timers become ready together (the cancelled one is thrown away) and run in the order they were set; the callback the first one schedules lands behind them, in the next turn.',
      zh: '顶层代码最先跑完。`callSoon` 的回调已经在就绪队列里了，所以比 0 ms 定时器先执行——后者要到下一轮开始时才被挪进就绪队列。到了 10 ms，剩下的两个定时器同时就绪（被取消的那个直接丢弃），按设置的先后执行；第一个定时器安排的回调排在它们后面，到下一轮才执行。',
    },
  },
] satisfies Exercise[];
