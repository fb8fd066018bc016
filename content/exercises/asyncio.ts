// Exercises at the end of "asyncio" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

const mainReturns = { regex: '(main returns|main 返回)$', text: { en: 'main returns', zh: 'main 返回' } };

export default [
  {
    id: 'cleanup-counts',
    kind: 'predict-time',
    title: { en: 'A timeout and a slow cleanup', zh: '超时遇上慢吞吞的清理' },
    prompt: {
      en: 'A 1000 ms query runs under a 300 ms `timeout`; its `finally` block rolls back, which takes a 50 ms round trip. At what virtual time (ms) is `TimeoutError caught` printed?',
      zh: '一条 1000 ms 的查询跑在 300 ms 的 `timeout` 里；它的 `finally` 块要回滚事务，这又是一趟 50 ms 的往返。`捕获到 TimeoutError` 在虚拟时间第几 ms 打印？',
    },
    program: 'cleanup-counts.program.ts',
    line: { en: 'TimeoutError caught', zh: '捕获到 TimeoutError' },
    hints: [
      { en: 'At the deadline, `timeout` cancels the task: a `CancelledError` is thrown in at the `await` it is suspended on.', zh: '到了截止时间，`timeout` 会取消任务：在它挂起的那个 `await` 处抛进一个 `CancelledError`。' },
      { en: '`finally` blocks run on the way out, and an `await` inside them really waits.', zh: '异常向外传播时 `finally` 块会执行，其中的 `await` 也是真的要等。' },
    ],
    explanation: {
      en: 'At 300 ms the `sleep(1000)` is cancelled and the `finally` block starts the rollback, which awaits 50 ms more. Only when the `CancelledError` leaves `query` does `timeout` turn it into a `TimeoutError`: at 350 ms. A deadline bounds when cancellation starts, not when cleanup ends.',
      zh: '300 ms 时 `sleep(1000)` 被取消，`finally` 块开始回滚，又 `await` 了 50 ms。等 `CancelledError` 离开 `query`，`timeout` 才把它换成 `TimeoutError`：这时已是 350 ms。截止时间管的是取消从何时开始，而不是清理何时结束。',
    },
  },
  {
    id: 'stuck-join',
    kind: 'culprit',
    title: { en: 'An import that never finishes', zh: '永远导入不完' },
    prompt: {
      en: 'A worker imports four files from a queue while `main` waits for the queue to be done. Two files are imported, then the run stops in a deadlock. Read the deadlock report and the note under it.',
      zh: '一个工作协程从队列里取出四个文件逐个导入，`main` 则等着队列里的任务全部完成。导入了两个文件之后，运行以死锁告终。看看死锁报告和下面那条提示。',
    },
    program: 'stuck-join.program.ts',
    question: { en: 'What is `main` waiting on?', zh: '`main` 在等什么？' },
    choices: [
      { id: 'queue#1 join', label: { en: '`jobs.join()`: two jobs are never marked done', zh: '`jobs.join()`：有两个任务永远不会被标记为完成' } },
      { id: 'worker', label: { en: 'the `worker` task, which is stuck in `jobs.get()`', zh: '卡在 `jobs.get()` 里的 `worker` 任务' } },
      { id: 'lock', label: { en: 'a lock held by the worker', zh: '工作协程持有的一把锁' } },
    ],
    answer: { from: 'deadlock-wait', task: 'main' },
    hints: [
      { en: 'The report lists only `main`: where is the worker?', zh: '报告里只列出了 `main`，工作协程去哪了？' },
      { en: '`join()` returns when `taskDone()` has been called once for every item put in the queue.', zh: '队列里每放进一个元素，都要对应调用一次 `taskDone()`，`join()` 才会返回。' },
    ],
    explanation: {
      en: '`main` waits in `jobs.join()`. The worker raised on `c.csv` and died: nobody awaited it, so its error only shows up as `Task exception was never retrieved`, and nobody calls `taskDone()` for `c.csv` and `d.csv`. Call `taskDone()` in a `finally`, catch per job, and watch the workers as well as the queue (for example `asyncio.wait([join, *workers], return_when=FIRST_COMPLETED)`) or run them in a `TaskGroup`.',
      zh: '`main` 卡在 `jobs.join()` 里。工作协程处理 `c.csv` 时抛异常死掉了：没人 `await` 它，它的错误只化作一句 `Task exception was never retrieved`，也再没人为 `c.csv` 和 `d.csv` 调用 `taskDone()`。应当在 `finally` 里调用 `taskDone()`、逐个任务捕获异常，并且在等队列的同时盯住工作协程（比如 `asyncio.wait([join, *workers], return_when=FIRST_COMPLETED)`），或者把它们放进 `TaskGroup` 里运行。',
    },
  },
  {
    id: 'transfer-deadlock',
    kind: 'culprit',
    title: { en: 'Two transfers, two locks, no progress', zh: '两笔转账、两把锁，谁也动不了' },
    prompt: {
      en: 'Two transfers run at once, each taking the lock of the account it pays from, then the one it pays to. The run ends in a deadlock. Read the deadlock report.',
      zh: '两笔转账同时进行，每笔先拿付款账户的锁，再拿收款账户的锁。结果运行以死锁告终。看看死锁报告。',
    },
    program: 'transfer-deadlock.program.ts',
    question: { en: 'What is task `ann-to-bob` waiting on?', zh: '任务 `ann-to-bob` 在等什么？' },
    choices: [
      { id: 'lock#1', label: { en: '`lock#1`, ann\'s lock', zh: '`lock#1`，`ann` 的锁' } },
      { id: 'lock#2', label: { en: '`lock#2`, bob\'s lock', zh: '`lock#2`，`bob` 的锁' } },
      { id: 'sleep', label: { en: 'its `sleep(10)`', zh: '它自己的 `sleep(10)`' } },
      { id: 'gather', label: { en: 'the `gather` in main', zh: '`main` 里的 `gather`' } },
    ],
    answer: { from: 'deadlock-wait', task: 'ann-to-bob' },
    hints: [
      { en: 'Which lock does `ann-to-bob` already hold when it reaches the inner `withLock`?', zh: '`ann-to-bob` 走到内层 `withLock` 时，手里已经握着哪把锁？' },
      { en: 'The locks are numbered in the order they were created.', zh: '锁按创建顺序编号。' },
    ],
    explanation: {
      en: '`ann-to-bob` holds ann\'s lock (`lock#1`) and waits for bob\'s (`lock#2`); `bob-to-ann` holds `lock#2` and waits for `lock#1`. Each waits for the other to let go: a deadlock. The `sleep(10)` between the two acquisitions just makes sure both get their first lock.',
      zh: '`ann-to-bob` 握着 `ann` 的锁（`lock#1`），在等 `bob` 的锁（`lock#2`）；`bob-to-ann` 握着 `lock#2`，在等 `lock#1`。双方都在等对方先放手，这就是死锁。两次加锁之间的 `sleep(10)` 只是确保两边都先拿到了第一把锁。',
    },
  },
  {
    id: 'bounded-queue',
    kind: 'fix',
    title: { en: 'A producer that runs ahead', zh: '跑在前面的生产者' },
    prompt: {
      en: 'Rows are read from a file instantly and uploaded by two uploaders in 100 ms each. The code reading the file puts every row into the queue at once, so all 20 wait in memory (with a real file, millions). Fix it so that the queue never holds more than 4 rows, and all 20 are still uploaded.',
      zh: '从文件里读一行不花时间，两个上传任务每传一行要 100 ms。读文件的代码把每一行都立刻塞进队列，于是 20 行全堆在内存里（换成真实的文件，可能是几百万行）。改一改，让队列里任何时候都不超过 4 行，而且 20 行照样全部上传。',
    },
    starter: 'bounded-queue.starter.ts',
    solution: 'bounded-queue.solution.ts',
    alternatives: ['bounded-queue.alt1.ts'],
    checks: [
      { check: 'max-queue', max: 4 },
      { check: 'line-count', match: { regex: '(uploaded row \\d+|上传了第 \\d+ 行)$', text: { en: 'uploaded row N', zh: '上传了第 N 行' } }, count: 20 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Open the timeline after a run: when does the queue fill up, and who is running then?', zh: '运行后打开时间线看看：队列是什么时候塞满的？那时谁在运行？' },
      { en: 'A queue can make `put()` wait: give it a `maxsize`.', zh: '队列可以让 `put()` 等待：给它设一个 `maxsize`。' },
    ],
    explanation: {
      en: 'An unbounded queue never makes `put()` wait, so a fast producer runs as far ahead of the consumers as it likes and the queue holds everything it has not processed yet. With `new Queue(4)` (Python: `asyncio.Queue(maxsize=4)`) `put()` waits while the queue is full: the producer moves at the consumers\' pace and memory stays bounded. That is backpressure. Waiting with `join()` every few rows also bounds it, but leaves the uploaders idle while the batch refills.',
      zh: '没有上限的队列从不让 `put()` 等待，快的生产者想跑多远就跑多远，还没处理的东西全都堆在队列里。改成 `new Queue(4)`（Python 里是 `asyncio.Queue(maxsize=4)`）后，队列满时 `put()` 就会等待：生产者跟着消费者的节奏走，内存占用也有了上限。这就是背压。每放几行就用 `join()` 等一下也能限住队列，只是每批重新装填时上传任务都闲着。',
    },
  },
  {
    id: 'lock-order',
    kind: 'fix',
    title: { en: 'Transfers without a deadlock', zh: '不会死锁的转账' },
    prompt: {
      en: 'The same two transfers deadlock. Fix the program so that both complete and no two transfers ever update the same balance at once.',
      zh: '还是那两笔会死锁的转账。改一改，让两笔都能完成，同时仍然保证不会有两笔转账同时修改同一个余额。',
    },
    starter: 'lock-order.starter.ts',
    solution: 'lock-order.solution.ts',
    alternatives: ['lock-order.alt1.ts'],
    checks: [
      { check: 'no-deadlock' },
      { check: 'line-count', match: { regex: '(ann -> bob: 30|ann 转给 bob 30)$', text: { en: 'ann -> bob: 30', zh: 'ann 转给 bob 30' } }, count: 1 },
      { check: 'line-count', match: { regex: '(bob -> ann: 20|bob 转给 ann 20)$', text: { en: 'bob -> ann: 20', zh: 'bob 转给 ann 20' } }, count: 1 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'A deadlock needs a cycle: A waits for B while B waits for A.', zh: '死锁需要形成一个环：A 等 B，同时 B 也在等 A。' },
      { en: 'If every transfer took the two locks in the same order, could the cycle form?', zh: '如果每笔转账都按同一个顺序拿两把锁，这个环还能形成吗？' },
    ],
    explanation: {
      en: 'The transfers take the same two locks in opposite orders. Take them in one global order (for example by account name) and whoever gets the first lock also gets the second: no cycle. A single lock for all transfers also works; it is simpler but lets only one transfer run at a time.',
      zh: '两笔转账以相反的顺序拿同样两把锁。改成按一个全局顺序（比如账户名）拿锁，谁先拿到第一把，谁就一定能拿到第二把，环就不会出现。所有转账共用一把锁也行：更简单，只是同一时刻只能有一笔转账在进行。',
    },
  },
  {
    id: 'dropped-email',
    kind: 'fix',
    title: { en: 'Welcome emails sent after main has returned', zh: '`main` 都返回了，欢迎邮件还在发' },
    prompt: {
      en: 'Each sign-up starts a background task that sends a welcome email, and nobody keeps it. In Python, `asyncio.run` cancels such tasks as soon as `main` returns, so the emails would never go out. Fix it so that both emails are sent before `main returns` is printed and no task is left when main ends.',
      zh: '每次注册都会启动一个发欢迎邮件的后台任务，却没人保存它。在 Python 里，`main` 一返回 `asyncio.run` 就会取消这些任务，邮件根本发不出去。改一改，让两封邮件都在打印 `main 返回` 之前发出，`main` 结束时不留下任何任务。',
    },
    starter: 'dropped-email.starter.ts',
    solution: 'dropped-email.solution.ts',
    alternatives: ['dropped-email.alt1.ts'],
    checks: [
      { check: 'no-task-left' },
      { check: 'lines-in-order', lines: [{ regex: '(sent to ann|已发给 ann)$', text: { en: 'welcome email sent to ann', zh: '欢迎邮件已发给 ann' } }, mainReturns] },
      { check: 'lines-in-order', lines: [{ regex: '(sent to bob|已发给 bob)$', text: { en: 'welcome email sent to bob', zh: '欢迎邮件已发给 bob' } }, mainReturns] },
      { check: 'no-error' },
    ],
    hints: [
      { en: '`createTask` returns the task. Where does that return value go?', zh: '`createTask` 会返回任务对象。这个返回值去哪了？' },
      { en: 'Keep the tasks somewhere and await them before returning, or let a `TaskGroup` own them.', zh: '把任务存起来，返回之前 `await` 它们；或者交给一个 `TaskGroup` 来管。' },
    ],
    explanation: {
      en: 'A task created and dropped has no owner: nothing waits for it, nothing sees its errors, and `asyncio.run` cancels it when `main` returns (the event loop also keeps only a weak reference to it). Keep the tasks in a set and gather them before returning, or create them in a `TaskGroup`, whose block ends only when they are all done.',
      zh: '创建后就丢掉的任务没有主人：没人等它结束，没人看得到它的异常，`main` 一返回 `asyncio.run` 就会取消它（事件循环对它也只持有弱引用）。把任务存进一个集合，返回前 `gather` 它们；或者在 `TaskGroup` 里创建，TaskGroup 的代码块要等所有任务完成才会结束。',
    },
  },
] satisfies Exercise[];
