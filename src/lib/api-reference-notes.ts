/**
 * What the Reference page says about each export of `miniloop` beyond its
 * signature: a one-line description in each language, and the Python name a
 * reader would use instead (asyncio, trio or the library the simulated service
 * stands for; null where Python has no one counterpart). Written by hand, not
 * pulled out of doc comments by a pattern, which used to pick `asyncio.Redis`
 * out of "redis.asyncio.Redis". The English doc comment in the source stays
 * the full description (shown in the editor and, on the English page, under
 * the line). tests/content/api-reference.test.ts checks every export has an
 * entry here and no entry is left over.
 */
export interface ApiNote {
  en: string;
  zh: string;
  python: string | null;
}

const n = (python: string | null, en: string, zh: string): ApiNote => ({ en, zh, python });

export const API_NOTES: Record<string, ApiNote> = {
  // Loop and time
  run: n('await asyncio.create_task(main())', 'Run main in a task of its own and give back its result; unlike asyncio.run it leaves other tasks running.', '把 `main` 放进一个单独的任务里运行到结束并返回结果；与 `asyncio.run` 不同，它不会取消其余仍在运行的任务。'),
  RunOptions: n(null, 'Options of run: the task’s name.', '`run` 的选项：任务名。'),
  now: n('loop.time() / trio.current_time()', 'Virtual milliseconds since the run started.', '从运行开始算起的虚拟时间，单位 ms。'),
  sleep: n('asyncio.sleep() / trio.sleep()', 'Wait for a number of virtual milliseconds.', '等待若干 ms 的虚拟时间。'),
  sleepUntil: n('trio.sleep_until()', 'Wait until an absolute virtual time.', '等到某个绝对的虚拟时刻。'),
  sleepForever: n('trio.sleep_forever()', 'Wait until cancelled.', '一直等待，直到被取消。'),
  checkpoint: n('asyncio.sleep(0) / trio.lowlevel.checkpoint()', 'Give the loop one turn so other ready tasks run.', '让出一次事件循环，让其他就绪的任务先运行。'),
  cancelShieldedCheckpoint: n('trio.lowlevel.cancel_shielded_checkpoint()', 'Yield once without ever raising Cancelled.', '让出一次，但绝不抛出 `Cancelled`。'),
  checkpointIfCancelled: n('trio.lowlevel.checkpoint_if_cancelled()', 'Raise Cancelled if the task is in a cancelled scope, otherwise do nothing.', '任务处在已取消的作用域里时抛出 `Cancelled`，否则什么也不做。'),
  callSoon: n('loop.call_soon()', 'Run a function on the next turn of the loop.', '在事件循环的下一轮运行一个函数。'),
  callLater: n('loop.call_later()', 'Run a function after a delay.', '延迟一段时间后运行一个函数。'),
  callAt: n('loop.call_at()', 'Run a function at an absolute virtual time.', '在某个绝对的虚拟时刻运行一个函数。'),
  Handle: n('asyncio.Handle / TimerHandle', 'A scheduled callback that can be cancelled.', '一个已排期、可以取消的回调。'),
  Yield: n(null, 'What checkpoint() and sleep(0) return: one turn of the loop.', '`checkpoint()` 和 `sleep`(0) 返回的可等待对象，代表让出一轮。'),
  // Tasks
  createTask: n('asyncio.create_task()', 'Start a function as a task that runs concurrently.', '把一个函数作为任务启动，与其他任务并发运行。'),
  Task: n('asyncio.Task', 'A function running on the loop; await it for its result.', '在事件循环上运行的函数；`await` 它可以拿到结果。'),
  TaskOptions: n(null, 'Options of a new task, such as its name.', '新建任务的选项，例如任务名。'),
  currentTask: n('asyncio.current_task()', 'The task running now.', '当前正在运行的任务。'),
  allTasks: n('asyncio.all_tasks()', 'The tasks of this run that are not done yet.', '本次运行中尚未结束的全部任务。'),
  isFuture: n('asyncio.isfuture()', 'Whether a value is a Task or Future of the loop.', '判断一个值是不是事件循环的 `Task` 或 `Future`。'),
  ensureFuture: n('asyncio.ensure_future()', 'Turn an awaitable into a Future, wrapping it in a Task if needed.', '把可等待对象变成 `Future`，必要时包装成 `Task`。'),
  Future: n('asyncio.Future', 'A result that will be set later; awaitable.', '一个稍后才会被设置的结果，可以 `await`。'),
  TaskGroup: n('asyncio.TaskGroup', 'Tasks awaited together; the first failure cancels the rest.', '一组一起等待的任务；第一个失败会取消其余任务。'),
  withTaskGroup: n('async with asyncio.TaskGroup() as tg', 'Run a body with a new TaskGroup and wait for all its tasks.', '用一个新的 `TaskGroup` 运行一段代码，并等待其中所有任务。'),
  GroupTaskOptions: n(null, 'Options of TaskGroup.createTask.', '`TaskGroup.createTask` 的选项。'),
  openNursery: n('async with trio.open_nursery()', 'Open a nursery and run a body in it; it ends when every child has ended.', '打开一个 nursery 并在其中运行代码；所有子任务结束后它才结束。'),
  Nursery: n('trio.Nursery', 'Where trio-style tasks are started: startSoon and start.', '启动 trio 风格任务的地方，提供 `startSoon` 和 `start`。'),
  TaskStatus: n('trio.TaskStatus', 'What nursery.start hands the started function, to report it is ready.', '`nursery.start` 交给被启动函数的对象，用来报告“已就绪”。'),
  TASK_STATUS_IGNORED: n('trio.TASK_STATUS_IGNORED', 'A TaskStatus that ignores started(), for calling such a function directly.', '忽略 `started()` 的 `TaskStatus`，用于直接调用这类函数。'),
  ExceptionGroup: n('ExceptionGroup', 'Several errors raised together, from a TaskGroup or a nursery.', '同时抛出的多个错误，来自 `TaskGroup` 或 nursery。'),
  BaseExceptionGroup: n('BaseExceptionGroup', 'Several errors raised together, some of them not ordinary errors (a cancellation); split() and subgroup() pick members as except* does.', '同时抛出的多个错误，其中有些不是普通错误（例如取消）；`split()` 和 `subgroup()` 像 `except*` 那样挑出其中的成员。'),
  GroupCondition: n(null, 'What split() and subgroup() accept: an error class, a list of classes, or a test function.', '`split()` 和 `subgroup()` 接受的条件：一个错误类、一组错误类，或一个判断函数。'),
  RuntimeError: n('RuntimeError', 'The runtime’s own misuse errors (a lock released twice, a task awaited from itself); catch them by type.', '运行时自身报告的误用错误（例如锁被释放两次、任务等待自己）；可以按类型捕获。'),
  InvalidStateError: n('asyncio.InvalidStateError', 'An operation not allowed in the object’s current state.', '对象当前状态不允许的操作。'),
  // Waiting for several things
  gather: n('asyncio.gather()', 'Run awaitables concurrently; results in argument order.', '并发运行多个可等待对象，结果按参数顺序排列。'),
  GatheringFuture: n(null, 'What gather returns; cancelling it cancels the children.', '`gather` 返回的对象；取消它会取消所有子任务。'),
  GatherOptions: n(null, 'Options of gather, such as returnExceptions.', '`gather` 的选项，例如 `returnExceptions`。'),
  wait: n('asyncio.wait()', 'Wait until some or all awaitables finish; gives back done and pending sets.', '等到部分或全部可等待对象完成，返回已完成和未完成两组。'),
  WaitOptions: n(null, 'Options of wait: timeout and when to return.', '`wait` 的选项：超时和何时返回。'),
  ReturnWhen: n(null, 'When wait returns.', '`wait` 何时返回。'),
  FIRST_COMPLETED: n('asyncio.FIRST_COMPLETED', 'wait returns when any awaitable finishes.', '任意一个完成时 `wait` 就返回。'),
  FIRST_EXCEPTION: n('asyncio.FIRST_EXCEPTION', 'wait returns at the first error, or when all finish.', '出现第一个错误或全部完成时 `wait` 返回。'),
  ALL_COMPLETED: n('asyncio.ALL_COMPLETED', 'wait returns when all awaitables finish.', '全部完成时 `wait` 才返回。'),
  asCompleted: n('asyncio.as_completed()', 'Results in the order they finish.', '按完成的先后顺序给出结果。'),
  AsCompleted: n(null, 'The iterator asCompleted returns.', '`asCompleted` 返回的迭代器。'),
  shield: n('asyncio.shield()', 'Keep an awaitable running when the task awaiting it is cancelled.', '等待它的任务被取消时，让被等待的对象继续运行。'),
  Awaitable: n(null, 'Anything the helpers accept: a Task, Future, promise, or function returning one.', '这些函数接受的东西：`Task`、`Future`、promise，或返回它们的函数。'),
  AwaitedOf: n(null, 'The result type of an Awaitable.', '`Awaitable` 的结果类型。'),
  // Timeouts and cancellation
  timeout: n('async with asyncio.timeout()', 'Run a body with a deadline; at the deadline it is cancelled and TimeoutError raised.', '给一段代码设定截止时间；到点就取消它并抛出 `TimeoutError`。'),
  timeoutAt: n('async with asyncio.timeout_at()', 'Like timeout, with an absolute deadline.', '与 `timeout` 相同，但截止时间是绝对时刻。'),
  Timeout: n('asyncio.Timeout', 'The deadline of one timeout block, which can be moved.', '一个 `timeout` 代码块的截止时间，可以调整。'),
  waitFor: n('asyncio.wait_for()', 'Await one thing with a deadline.', '带截止时间地等待一件事。'),
  CancelScope: n('trio.CancelScope', 'A unit of work that can be cancelled, with a deadline and a shield.', '可以整体取消的一段工作，带截止时间和屏蔽开关。'),
  CancelScopeOptions: n(null, 'Options of a new CancelScope.', '新建 `CancelScope` 的选项。'),
  moveOnAfter: n('with trio.move_on_after()', 'Give up quietly after a time.', '超过一段时间就悄悄放弃。'),
  moveOnAt: n('with trio.move_on_at()', 'Give up quietly at an absolute time.', '到某个绝对时刻就悄悄放弃。'),
  failAfter: n('with trio.fail_after()', 'Raise TooSlowError after a time.', '超过一段时间就抛出 `TooSlowError`。'),
  failAt: n('with trio.fail_at()', 'Raise TooSlowError at an absolute time.', '到某个绝对时刻就抛出 `TooSlowError`。'),
  currentEffectiveDeadline: n('trio.current_effective_deadline()', 'The earliest deadline of the scopes around the running task.', '当前任务外层各作用域中最早的截止时间。'),
  CancelledError: n('asyncio.CancelledError', 'The operation was cancelled (asyncio style).', '操作被取消（asyncio 风格）。'),
  Cancelled: n('trio.Cancelled', 'Raised at a checkpoint inside a cancelled scope (trio style); let it propagate.', '在已取消作用域内的检查点抛出（trio 风格），应让它继续向外传播。'),
  CancelSource: n(null, 'What made a cancel scope cancel.', '取消作用域被取消的原因。'),
  TimeoutError: n('TimeoutError', 'A deadline passed.', '截止时间已过。'),
  TooSlowError: n('trio.TooSlowError', 'failAfter or failAt ran out of time.', '`failAfter` 或 `failAt` 超时。'),
  // Synchronization
  Event: n('asyncio.Event', 'A flag tasks wait for; set() wakes them all.', '任务可以等待的标志；`set()` 唤醒所有等待者。'),
  Lock: n('asyncio.Lock', 'A mutual-exclusion lock; waiters get it in arrival order.', '互斥锁；等待者按到达顺序获得。'),
  Semaphore: n('asyncio.Semaphore', 'A counter of permits limiting how many tasks go in at once.', '许可计数器，限制同时进入的任务数。'),
  BoundedSemaphore: n('asyncio.BoundedSemaphore', 'A Semaphore that refuses to be released too often.', '释放次数不能超过初值的 `Semaphore`。'),
  Condition: n('asyncio.Condition', 'Tasks holding its lock wait to be notified.', '持有其锁的任务等待被通知。'),
  Barrier: n('asyncio.Barrier', 'A fixed number of tasks wait until all have arrived.', '固定数量的任务互相等待，全部到齐后一起继续。'),
  BrokenBarrierError: n('asyncio.BrokenBarrierError', 'The barrier was broken or reset while waiting.', '等待期间屏障被破坏或重置。'),
  PrimitiveOptions: n(null, 'Options shared by the primitives, such as a label.', '各同步原语共用的选项，例如标签。'),
  ValueError: n('ValueError', 'A value is out of range.', '值超出允许范围。'),
  // Queues and channels
  Queue: n('asyncio.Queue', 'A first-in first-out queue between producer and consumer tasks.', '生产者与消费者任务之间的先进先出队列。'),
  PriorityQueue: n('asyncio.PriorityQueue', 'A queue that returns the smallest item first.', '先取出最小元素的队列。'),
  LifoQueue: n('asyncio.LifoQueue', 'A queue that returns the newest item first.', '先取出最新元素的队列。'),
  QueueEmpty: n('asyncio.QueueEmpty', 'getNowait on an empty queue.', '对空队列调用 `getNowait`。'),
  QueueFull: n('asyncio.QueueFull', 'putNowait on a full queue.', '对已满队列调用 `putNowait`。'),
  QueueShutDown: n('asyncio.QueueShutDown', 'put or get on a queue that was shut down (3.13).', '对已关闭的队列调用 `put` 或 `get`（3.13 起）。'),
  openMemoryChannel: n('trio.open_memory_channel()', 'A channel between tasks: a send end and a receive end.', '任务之间的通道：一个发送端和一个接收端。'),
  MemorySendChannel: n('trio.MemorySendChannel', 'The sending end of a memory channel.', '内存通道的发送端。'),
  MemoryReceiveChannel: n('trio.MemoryReceiveChannel', 'The receiving end of a memory channel; iterate it with for await.', '内存通道的接收端，可以用 `for` `await` 遍历。'),
  MemoryChannelStatistics: n('trio.MemoryChannelStatistics', 'Counts of a memory channel.', '内存通道的统计数字。'),
  EndOfChannel: n('trio.EndOfChannel', 'Every send end is closed and the buffer is empty.', '所有发送端都已关闭且缓冲区为空。'),
  ClosedResourceError: n('trio.ClosedResourceError', 'Using a channel end after you closed it.', '关闭之后仍在使用这个通道端。'),
  BrokenResourceError: n('trio.BrokenResourceError', 'Sending when every receive end is closed.', '所有接收端都已关闭时仍在发送。'),
  WouldBlock: n('trio.WouldBlock', 'A non-waiting operation would have had to wait.', '不等待的操作本来需要等待。'),
  // Threads and blocking
  toThread: n('asyncio.to_thread()', 'Run a blocking function in a simulated thread while the loop goes on.', '在模拟线程里运行阻塞函数，事件循环照常运转。'),
  runInExecutor: n('loop.run_in_executor(None, fn)', 'toThread with asyncio’s lower-level spelling.', '与 `toThread` 相同，用 asyncio 较底层的写法。'),
  setThreadPoolSize: n('loop.set_default_executor(ThreadPoolExecutor(n))', 'How many simulated threads the run has.', '设置本次运行的模拟线程数。'),
  DEFAULT_THREAD_POOL_SIZE: n(null, 'The default number of simulated threads (4).', '模拟线程的默认数量（4 个）。'),
  blockFor: n('time.sleep() on the loop’s thread', 'A blocking call on the loop’s own thread: the clock moves on, nothing else runs.', '在事件循环自己的线程上阻塞：时钟前进，其他任务一概不能运行。'),
  // Simulated network
  network: n('asyncio.start_server() / asyncio.open_connection()', 'The run’s simulated network: listen and connect.', '本次运行的模拟网络：监听与连接。'),
  Network: n(null, 'A simulated network on virtual time, with latency and bandwidth.', '运行在虚拟时间上的模拟网络，有延迟和带宽。'),
  createNetwork: n(null, 'A separate simulated network with its own latency and bandwidth.', '另建一个模拟网络，有自己的延迟和带宽。'),
  NetworkOptions: n(null, 'Settings of a network.', '模拟网络的设置。'),
  ListenOptions: n(null, 'Options of listen, such as how far away the server is.', '`listen` 的选项，例如服务器离得多远。'),
  ConnectOptions: n(null, 'Options of connect.', '`connect` 的选项。'),
  Server: n('asyncio.Server', 'A listening server; close() stops accepting.', '正在监听的服务器；`close()` 后不再接受新连接。'),
  Connection: n('asyncio.StreamReader + StreamWriter', 'One end of a connection: read and write.', '一条连接的一端，可读可写。'),
  http: n('aiohttp', 'HTTP on the simulated network: servers, a client, routes.', '模拟网络上的 HTTP：服务器、客户端与路由。'),
  HttpServer: n('aiohttp.web.Application + AppRunner', 'An HTTP server on the simulated network.', '模拟网络上的 HTTP 服务器。'),
  HttpHandler: n('async def handler(request)', 'A request handler.', '请求处理函数。'),
  HttpRequest: n('aiohttp.web.Request', 'A request as a handler sees it.', '处理函数看到的请求。'),
  HttpResponseInit: n('aiohttp.web.Response', 'What a handler returns.', '处理函数返回的内容。'),
  HttpResponse: n('aiohttp.ClientResponse', 'A response as the client sees it.', '客户端看到的响应。'),
  HttpSession: n('aiohttp.ClientSession', 'A client that keeps connections open and reuses them.', '保持并复用连接的客户端。'),
  RequestOptions: n(null, 'Options of http.request.', '`http.request` 的选项。'),
  SessionOptions: n(null, 'Options of http.createSession, such as the connection limit.', '`http.createSession` 的选项，例如连接数上限。'),
  ws: n('websockets', 'WebSockets on the simulated network: serve, connect, broadcast.', '模拟网络上的 WebSocket：`serve`、`connect`、`broadcast`。'),
  WebSocket: n('websockets ServerConnection / ClientConnection', 'One end of a WebSocket connection.', 'WebSocket 连接的一端。'),
  ServeOptions: n(null, 'Options of ws.serve.', '`ws.serve` 的选项。'),
  WsConnectOptions: n(null, 'Options of ws.connect.', '`ws.connect` 的选项。'),
  kv: n('redis.asyncio', 'A Redis-like key-value service.', '类似 Redis 的键值服务。'),
  KvClient: n('redis.asyncio.Redis', 'A connected key-value client; each method sends one command.', '已连接的键值客户端，每个方法发送一条命令。'),
  KvOptions: n(null, 'Options of kv.connect.', '`kv.connect` 的选项。'),
  KvSubscription: n('redis.asyncio.client.PubSub', 'Messages of subscribed channels.', '已订阅频道的消息。'),
  sql: n('asyncpg / aiomysql', 'A SQL-like database with a connection pool.', '带连接池的类 SQL 数据库。'),
  Pool: n('asyncpg.Pool', 'A pool of database connections.', '数据库连接池。'),
  PoolOptions: n(null, 'Options of sql.createPool.', '`sql.createPool` 的选项。'),
  DbConnection: n('asyncpg.Connection', 'One database connection; one query at a time.', '一条数据库连接，同一时间只跑一条查询。'),
  QueryResult: n(null, 'The result of a statement: status and rows.', '一条语句的结果：状态和数据行。'),
  Row: n('asyncpg.Record', 'A row: column name to value.', '一行数据：列名到值。'),
  search: n('elasticsearch.AsyncElasticsearch', 'An Elasticsearch-like search service.', '类似 Elasticsearch 的搜索服务。'),
  SearchClient: n('elasticsearch.AsyncElasticsearch', 'A connected search client.', '已连接的搜索客户端。'),
  SearchOptions: n(null, 'Options of search.connect.', '`search.connect` 的选项。'),
  SearchHit: n(null, 'One search hit.', '一条搜索命中。'),
  SearchResult: n(null, 'A search result: the hits.', '搜索结果，即命中列表。'),
};

/**
 * Members of the runtime's classes that are its own bookkeeping, not API: the
 * Reference leaves them out like members marked @internal. (They are still in
 * the runtime's types; marking them @internal there would let this list go.)
 */
export const HIDDEN_MEMBERS: ReadonlySet<string> = new Set([
  'Handle.seq', 'Handle.since', 'Handle.fn', 'Handle.arg', 'Handle.ctx', 'Handle.source', 'Handle.recycle',
  'Task.queued', 'Task.waitLabel', 'Task.futWaiter', 'Task.mustCancel', 'Task.pendingThrow', 'Task.takePendingCancel', 'Task.hasUnretrievedException', 'Task.label', 'Task.locals', 'Task.onExit',
  'Future.loop', 'Future.label',
  'Nursery.label', 'Barrier.label', 'Condition.label', 'Event.label', 'Lock.label', 'Semaphore.label',
  'Network.loop', 'Network.jitterSample', 'Network.listenerAt', 'Network.services', 'Network.listenWith',
  'Connection.onMessage', 'Connection.take', 'Connection.peer',
]);
