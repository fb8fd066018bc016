// Exercises at the end of "asyncio by example" (issue 12); format: src/exercises/schema.ts.
import type { Exercise } from '../../src/exercises/schema.ts';

const fastGot = { regex: '(ann|bob)( got |：?\\s*收到 )', text: { en: 'ann/bob got ...', zh: 'ann/bob 收到 ...' } };

export default [
  {
    id: 'one-by-one',
    kind: 'fix',
    title: { en: 'Ten pages, one at a time', zh: '十个页面，一个一个地取' },
    prompt: {
      en: 'The client fetches 10 pages through a session that allows 5 connections, but it awaits each request before sending the next, so it takes 940 ms. Make it print `got 10 pages` by 300 ms.',
      zh: '客户端通过一个允许 5 个连接的 `session` 取 10 个页面，却每次都等上一个请求结束才发下一个，一共花了 940 ms。改一改，让它在 300 ms 之前打印出 `拿到 10 个页面`。',
    },
    starter: 'one-by-one.starter.ts',
    solution: 'one-by-one.solution.ts',
    alternatives: ['one-by-one.alt1.ts'],
    checks: [
      { check: 'line-by', match: { regex: '(got 10 pages|拿到 10 个页面)$', text: { en: 'got 10 pages', zh: '拿到 10 个页面' } }, ms: 300 },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Each request is mostly waiting for the network and the server; the loop is idle meanwhile.', zh: '每个请求大部分时间都在等网络和服务器，这期间事件循环闲着。' },
      { en: 'Start all the requests, then wait for all of them; the session\'s limit keeps at most 5 in flight.', zh: '先把所有请求都发出去，再一起等；`session` 的上限会保证同时最多 5 个在途。' },
    ],
    explanation: {
      en: 'An `await` inside a `for` loop makes the requests strictly sequential: 10 × (round trip + 50 ms). Starting them all and awaiting them together (`Promise.all`, `gather` or a `TaskGroup`) lets them overlap; the session\'s connection limit turns ten into two waves of five, about 220 ms. The limit is what keeps "all at once" polite to the server.',
      zh: '在 `for` 循环里 `await`，请求就严格串行：10 ×（往返时间 + 50 ms）。把它们全部发出去再一起等（`Promise.all`、`gather` 或 `TaskGroup`），请求就能重叠；`session` 的连接上限把十个请求分成两批、每批五个，总共约 220 ms。正是这个上限让“一起发”不至于压垮服务器。',
    },
  },
  {
    id: 'slow-subscriber',
    kind: 'fix',
    title: { en: 'One slow client stalls the chat', zh: '一个慢客户端拖垮整个聊天室' },
    prompt: {
      en: 'The room broadcasts two messages. `ann` and `bob` are on fast links, `slow` needs 500 ms per message, and `bob` gets even the first message only after 510 ms. Fix the broadcast so that ann and bob get every message within 50 ms, while `slow` still gets both messages, in order.',
      zh: '聊天室广播了两条消息。`ann` 和 `bob` 网络很快，`slow` 每条消息要 500 ms，结果 `bob` 连第一条消息都要等到 510 ms 之后才收到。修好广播，让 `ann` 和 `bob` 在 50 ms 内收到每条消息，同时 `slow` 仍然按顺序收到两条消息。',
    },
    starter: 'slow-subscriber.starter.ts',
    solution: 'slow-subscriber.solution.ts',
    alternatives: ['slow-subscriber.alt1.ts'],
    checks: [
      { check: 'line-by', match: fastGot, ms: 50, all: true },
      { check: 'line-count', match: fastGot, count: 4 },
      {
        check: 'lines-in-order',
        lines: [
          { regex: 'slow( got |：?\\s*收到 )hello$', text: { en: 'slow got hello', zh: 'slow 收到 hello' } },
          { regex: 'slow( got |：?\\s*收到 )news$', text: { en: 'slow got news', zh: 'slow 收到 news' } },
        ],
      },
      { check: 'no-error' },
    ],
    hints: [
      { en: 'Look at the timeline: while `slow` takes its message, who else is being served?', zh: '看时间线：`slow` 收消息的那段时间里，还有谁在被服务？' },
      { en: 'The broadcast awaits each client in turn, so it is as slow as the slowest client. Give each client its own line of messages.', zh: '广播逐个 `await` 每个客户端，所以整体速度取决于最慢的那个。给每个客户端各自排一条消息队列。' },
    ],
    explanation: {
      en: 'Awaiting every `send` in a loop makes the whole room wait for the slowest socket; the second message waits for the first to reach everyone. Give each client its own queue (a chain of promises, or an asyncio `Queue` with one writer task per client): the broadcast only enqueues, fast clients get messages at once, and a slow one falls behind alone. A real server also needs a limit for that queue: drop or disconnect a client that falls too far behind.',
      zh: '在循环里对每个客户端逐个 `await send()`，整个聊天室都得等最慢的那个 socket；第二条消息还要等第一条送到所有人之后才发。给每个客户端一个自己的队列（一条 Promise 链，或者一个 asyncio `Queue` 加一个专门写它的任务）：广播只负责入队，快的客户端立刻收到，慢的只拖累它自己。真实的服务器还得给这个队列设上限：落后太多的客户端就丢消息或者断开它。',
    },
  },
  {
    id: 'pool-limit',
    kind: 'fix',
    title: { en: 'Twenty queries, five connections', zh: '二十个查询，五个连接' },
    prompt: {
      en: 'The database accepts at most 5 connections at a time, and the program fires 20 queries at once, so it fails. Make all 20 queries succeed, finishing within 450 ms (one query takes 100 ms).',
      zh: '数据库同一时刻最多接受 5 个连接，程序却一下子发出 20 个查询，于是报错了。改一改，让 20 个查询全部成功，并在 450 ms 内跑完（每个查询 100 ms）。',
    },
    starter: 'pool-limit.starter.ts',
    solution: 'pool-limit.solution.ts',
    alternatives: ['pool-limit.alt1.ts'],
    checks: [
      { check: 'no-error' },
      { check: 'line-count', match: { regex: '(got 20 rows|拿到 20 行)$', text: { en: 'got 20 rows', zh: '拿到 20 行' } }, count: 1 },
      { check: 'finishes-within', ms: 450 },
    ],
    hints: [
      { en: 'One query at a time would work, but would take 2000 ms.', zh: '一次只跑一个查询当然可以，但要 2000 ms。' },
      { en: 'The page\'s pool and the asyncio page\'s `Semaphore` both let at most N tasks into a block at once.', zh: '本页的连接池和 asyncio 那一页的 `Semaphore`，都能保证同一时刻最多 N 个任务进入某段代码。' },
    ],
    explanation: {
      en: '`gather` starts all 20 queries at once and the sixth is refused. Limit the concurrency to the service\'s limit: wrap each query in a `Semaphore(5)` (the others wait for a free slot), or run five workers that take ids from a shared list. Either way 20 queries take 4 rounds of 100 ms: 400 ms.',
      zh: '`gather` 一下子启动了全部 20 个查询，第 6 个就被拒绝了。把并发数限制在服务的上限之内：每个查询套一层 `Semaphore(5)`（其余的排队等空位），或者开 5 个工作协程，从同一个列表里轮流取任务。两种写法都是 4 轮、每轮 100 ms，共 400 ms。',
    },
  },
  {
    id: 'slow-endpoint',
    kind: 'culprit',
    title: { en: 'Why are the health checks late?', zh: '健康检查为什么迟到了？' },
    prompt: {
      en: 'A health check comes in every 50 ms and should be answered at once, but the first one is answered 140 ms late. Three requests are being handled at the same time. Read the console and the timeline.',
      zh: '健康检查每 50 ms 来一次，本应立即应答，可第一次晚了 140 ms。同一时间服务还在处理三个请求。看看控制台和时间线。',
    },
    program: 'slow-endpoint.program.ts',
    question: { en: 'Which handler held the loop longest?', zh: '哪个处理函数占住事件循环的时间最长？' },
    choices: [
      { id: 'GET /search', label: { en: '`GET /search`, the slowest request', zh: '`GET /search`，耗时最长的请求' } },
      { id: 'GET /avatar', label: { en: '`GET /avatar`', zh: '`GET /avatar`' } },
      { id: 'GET /feed', label: { en: '`GET /feed`', zh: '`GET /feed`' } },
      { id: 'health', label: { en: '`health`', zh: '`health`' } },
    ],
    answer: { from: 'longest-block' },
    hints: [
      { en: 'A request that takes long is not necessarily one that blocks: waiting on another service leaves the loop free.', zh: '耗时长的请求不一定是阻塞的那个：等待别的服务时事件循环是空闲的。' },
      { en: 'On the timeline, look for a long solid bar that nothing else interrupts.', zh: '在时间线上找一段很长、中间没被任何别的任务打断的实心条。' },
    ],
    explanation: {
      en: '`GET /search` takes the longest (200 ms), but it spends that time awaiting the search service, so the loop is free. `GET /avatar` resizes the image on the loop\'s thread for 150 ms, from 40 to 190 ms (right after `GET /feed`\'s 30 ms): every health check due meanwhile waits. Move such work to `toThread` (or a process pool for Python code).',
      zh: '`GET /search` 耗时最长（200 ms），但这段时间它都在 `await` 搜索服务，事件循环是空闲的。`GET /avatar` 在事件循环的线程上缩放图片，从 40 ms 一直占到 190 ms（紧跟在 `GET /feed` 的 30 ms 之后）：这期间到期的健康检查只能干等。这类工作应该交给 `toThread`（Python 代码则交给进程池）。',
    },
  },
] satisfies Exercise[];
