"""Run a Python program on CPython's own asyncio, on a virtual clock, and record
what it did: one console line per printed line (virtual ms, task, level, text)
and a trace in the shape of src/runtime/trace.ts (spawn / run / ready / wait /
log / cancel / done / block / thread / deadlock / stop), so the guide's
timeline can draw a lane per asyncio task.

The same file runs on desktop CPython (3.11+: `python3 virtual_asyncio.py
prog.py` prints the result as JSON) and in Pyodide (the browser worker and
scripts/twins-check.mjs import it and call `run_program_json`).

How the clock is virtual (the semantics corpus's vclock.py, without sockets):
- VirtualEventLoop is a BaseEventLoop whose "selector" never waits: asked to
  wait `timeout` seconds it moves the clock on by `timeout`; asked to wait
  forever (nothing ready, no timer) it reports a deadlock. No self-pipe, no
  socket: it runs where there are none (Pyodide).
- Timers due at the same instant fire in the order they were scheduled (a
  real clock never ties; asyncio's heapq is not stable). Pinned by
  tests/corpus/semantics/31-same-deadline-fifo.
- time.sleep / perf_counter / monotonic / time read or move the same clock;
  time.sleep on the loop's thread is a stall (a `block` event) during which
  nothing else runs.
- Worker threads (run_in_executor, to_thread) are simulated: the function runs
  at once, its time.sleep calls add up on its own clock, and its result
  arrives when a worker of the pool (max_workers of the executor) would have
  finished it. Side effects of the function therefore happen when it is
  submitted, not when its thread would have run them.
Task lanes come from TracedTask, asyncio's pure-Python Task with its step
wrapped (the C Task's step cannot be observed): asyncio.current_task() and
all_tasks() still see it (it registers through the C helpers).
Tests: tests/python/virtual-asyncio.test.ts, tests/python/twins.test.ts.
"""
import asyncio
import builtins
import heapq
import itertools
import json
import re
import sys
import time
import traceback
import weakref
from asyncio import events, futures as _futures, tasks as _tasks

__all__ = ['run_program', 'run_program_json', 'DEFAULT_LIMITS', 'new_virtual_loop', 'Deadlock']

DEFAULT_LIMITS = {'stepLimit': 300_000, 'timeLimit': 24 * 60 * 60 * 1000, 'outputLimit': 10_000}
# A fixed default pool size (CPython: min(32, cpu_count + 4)), so a run does
# not depend on the machine's cores: Pyodide reports 1, a desktop many.
VIRTUAL_CPUS = 4
MAIN_NAME = 'main'  # lines printed outside any task (module level), as the TypeScript runner names its main task
_HERE = __file__ if '__file__' in globals() else 'virtual_asyncio.py'


class Deadlock(RuntimeError):
    """Nothing is ready, no timer is pending and the main task is not done."""


class _Stopped(SystemExit):
    """Ends a run from anywhere (a SystemExit: asyncio tasks re-raise it instead of keeping it)."""


class _Run:
    """The state of one run: the clock, the trace, the console lines."""

    def __init__(self, limits):
        self.limits = dict(DEFAULT_LIMITS, **(limits or {}))
        self.clock = 0.0
        self.events = []
        self.lines = []
        self.problems = []
        self.tasks = []  # TracedTask objects, in id order
        self.steps = 0
        self.thread = None  # the simulated worker thread running right now, if any
        self.stopped = None
        self.labels = weakref.WeakKeyDictionary()  # future -> (kind, what)

    # -- trace --------------------------------------------------------------
    def ms(self, seconds=None):
        return round((self.clock if seconds is None else seconds) * 1000, 6)

    def add(self, task, kind, detail, at=None):
        self.events.append({'t': self.ms(at), 'seq': len(self.events), 'task': task, 'kind': kind, 'detail': detail})

    def current(self):
        """(id, name) of what is running: a simulated thread, a task, or the module."""
        if self.thread is not None:
            return 0, f'thread {self.thread.worker}'
        if events._get_running_loop() is not None:
            task = _tasks.current_task()
            if task is not None:
                return getattr(task, '_vid', 0), task.get_name()
        return 0, MAIN_NAME

    def log(self, level, text):
        if self.thread is not None:
            # A line printed by a simulated thread belongs to its own clock: show it when it happens.
            self.thread.lines.append((self.thread.now(), level, text))
            return
        self.emit_line(level, text)

    def emit_line(self, level, text, name=None, task=0):
        if name is None:
            task, name = self.current()
        if len(self.lines) >= self.limits['outputLimit']:
            self.stop('output-limit', f"output limit: the program printed more than {self.limits['outputLimit']} lines")
        self.lines.append([round(self.clock * 1000, 3), name, level, text])
        self.add(task, 'log', {'level': level, 'text': text})

    def stop(self, reason, message):
        if self.stopped is None:
            self.stopped = reason
            self.problems.append({'kind': reason, 'message': message})
            self.add(0, 'stop', {'reason': reason, 'message': message})
        raise _Stopped(message)

    # -- clock --------------------------------------------------------------
    def advance(self, seconds):
        self.clock += seconds
        if self.clock * 1000 > self.limits['timeLimit']:
            self.stop('time-limit', f"time limit: the program ran past {self.limits['timeLimit'] / 1000:g} s of virtual time")

    def block(self, seconds):
        """time.sleep: on a simulated thread, its own clock; on the loop's thread, a stall."""
        if seconds < 0:
            raise ValueError('sleep length must be non-negative')
        if self.thread is not None:
            self.thread.elapsed += seconds
            return
        if seconds > 0:
            self.add(self.current()[0], 'block', {'ms': round(seconds * 1000, 6)})
            self.advance(seconds)

    def now(self):
        return self.thread.now() if self.thread is not None else self.clock

    def result(self):
        return {
            'status': 'failed' if self.problems else 'ok',
            'python': sys.version.split()[0],
            'lines': self.lines,
            'problems': self.problems,
            'trace': self.events,
            'tasks': [{'id': t._vid, 'name': t.get_name(), 'parent': t._vparent} for t in self.tasks],
            'endTime': self.ms(),
        }


_run = None  # the _Run in progress


# -- labels: what a waiting task waits on --------------------------------------
_QUALNAMES = {
    'sleep': 'sleep', 'Lock.acquire': 'lock', 'Semaphore.acquire': 'semaphore',
    'BoundedSemaphore.acquire': 'semaphore', 'Condition.wait': 'condition', 'Condition.wait_for': 'condition',
    'Event.wait': 'event', 'Barrier.wait': 'barrier', 'Barrier._block': 'barrier', 'Barrier._wait': 'barrier',
    'Queue.get': 'queue', 'Queue.put': 'queue', 'Queue.join': 'queue', 'to_thread': 'thread',
    'TaskGroup.__aexit__': 'task', 'TaskGroup._aexit': 'task', 'wait': 'future', 'wait_for': 'future',
    '_wait': 'future', 'as_completed': 'future', 'staggered_race': 'future',
}


def _label(task):
    fut = task._fut_waiter
    known = _run.labels.get(fut) if fut is not None else None
    if known:
        return {'kind': known[0], 'what': known[1]}
    if isinstance(fut, (asyncio.Task, _tasks._PyTask)):
        return {'kind': 'task', 'what': fut.get_name()}
    # The innermost coroutine of the await chain says what it is (Lock.acquire, Queue.get...).
    coro, inner = task.get_coro(), None
    while coro is not None and hasattr(coro, 'cr_code'):
        if coro.cr_code.co_filename.replace('\\', '/').rsplit('/', 2)[-2:-1] == ['asyncio']:
            inner = getattr(coro.cr_code, 'co_qualname', coro.cr_code.co_name)
        coro = getattr(coro, 'cr_await', None)
    kind = _QUALNAMES.get(inner or '', 'future')
    if kind == 'future' and type(fut).__name__ == '_GatheringFuture':
        inner = 'gather'
    return {'kind': kind, 'what': inner or type(fut).__name__}


class TracedTask(_tasks._PyTask):
    """asyncio's Task (the pure-Python one) reporting its spawn, steps, waits, cancels and end."""

    def __init__(self, coro, *, loop=None, name=None, context=None, **kwargs):
        run = _run
        if getattr(loop, '_vcleanup', False):
            # asyncio.run's own shutdown steps (shutdown_asyncgens...) are tasks
            # too, numbered as in CPython, but no lane of the reader's program.
            self._vid = 0
            super().__init__(coro, loop=loop, name=name, context=context, **kwargs)
            return
        self._vid = len(run.tasks) + 1
        self._vparent = run.current()[0]
        run.tasks.append(self)
        if name is None:
            # What Task.__init__ does; done here so the spawn event (before the
            # first `ready`, which __init__ emits) carries the name.
            name = f'Task-{_tasks._task_name_counter()}'
        run.add(self._vid, 'spawn', {'name': str(name), 'parent': self._vparent})
        super().__init__(coro, loop=loop, name=name, context=context, **kwargs)

    def _Task__step(self, exc=None):
        run = _run
        run.steps += 1
        if not self._vid:
            return super()._Task__step(exc)
        run.add(self._vid, 'run', {})
        try:
            return super()._Task__step(exc)
        finally:
            if self.done():
                if self.cancelled():
                    run.add(self._vid, 'done', {'outcome': 'cancelled'})
                elif self.exception() is not None:
                    e = self.exception()
                    run.add(self._vid, 'done', {'outcome': 'error', 'error': f'{type(e).__name__}: {e}'})
                else:
                    run.add(self._vid, 'done', {'outcome': 'ok'})
            elif self._fut_waiter is not None:
                run.add(self._vid, 'wait', {'on': _label(self)})
            # else: it yielded to the loop (sleep(0)); its `ready` is already recorded.

    def cancel(self, msg=None):
        if self._vid and not self.done():
            detail = {} if msg is None else {'message': str(msg)}
            _run.add(self._vid, 'cancel', detail)
        return super().cancel(msg)


# -- the loop -----------------------------------------------------------------
class _VirtualSelector:
    """Never waits: moves the clock by the timeout the loop asks for."""

    def __init__(self, run):
        self.run = run

    def select(self, timeout=None):
        run = self.run
        if run.steps > run.limits['stepLimit']:
            run.stop('step-limit', f"step limit: the program took more than {run.limits['stepLimit']} task steps")
        if timeout is None:
            raise Deadlock('deadlock: no task can run and nothing is scheduled to wake one')
        if timeout > 0:
            run.advance(timeout)
        return []

    def close(self):
        pass


class _FifoTimerHandle(asyncio.TimerHandle):
    """Timers ordered by (when, scheduling order): see the module docstring."""

    __slots__ = ('_seq',)

    def __lt__(self, other):
        if self._when == other._when:
            return self._seq < other._seq
        return self._when < other._when


class _SimThread:
    """One job on a simulated worker thread: its own clock, its lines held until their time comes."""

    def __init__(self, worker, start):
        self.worker = worker
        self.start = start
        self.elapsed = 0.0
        self.lines = []

    def now(self):
        return self.start + self.elapsed


class VirtualEventLoop(asyncio.BaseEventLoop):
    """asyncio's own loop (BaseEventLoop) on a virtual clock, without sockets.
    Untraced: call_soon and create_task are BaseEventLoop's, so tasks are
    CPython's C Task and nothing is recorded per callback (what a user's
    asyncio pays: the bench peer bench/peers/asyncio_child.py measures it).
    TracedVirtualLoop adds the trace."""

    def __init__(self, run):
        super().__init__()
        self._vrun = run
        self._selector = _VirtualSelector(run)
        self._timer_seq = itertools.count(1)
        self._worker_free = {}  # executor id -> [free-at time of each worker]
        self._thread_ids = itertools.count(1)

    def time(self):
        return self._vrun.clock

    def block(self, seconds):
        """A blocking call on the loop's thread (time.sleep in a coroutine): the clock moves on, nothing runs meanwhile."""
        self._vrun.block(seconds)

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass  # nothing ever waits in select, so there is nothing to wake

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at with a FIFO tie-break.
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _FifoTimerHandle(when, callback, args, self, context)
        timer._seq = next(self._timer_seq)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
        workers = getattr(executor, '_max_workers', None) or min(32, VIRTUAL_CPUS + 4)
        free = self._worker_free.setdefault(id(executor), [0.0] * workers)
        worker = min(range(len(free)), key=lambda i: (free[i], i))
        run = self._vrun
        start = max(run.clock, free[worker])
        thread = _SimThread(worker + 1, start)
        label = getattr(func, '__qualname__', None) or getattr(getattr(func, 'func', None), '__qualname__', 'job')
        future = self.create_future()
        task_id = run.current()[0]
        run.labels[future] = ('thread', f'thread {worker + 1}: {label}')
        outcome = None
        run.thread, saved = thread, run.thread
        try:
            outcome = ('ok', func(*args))
        except BaseException as e:  # noqa: BLE001 - the job's error goes to its future
            outcome = ('error', e)
        finally:
            run.thread = saved
        end = thread.now()
        free[worker] = end

        def begin():
            run.add(task_id, 'thread', {'thread': worker + 1, 'end': False, 'label': label})

        for at, level, text in thread.lines:
            self.call_at(at, run.emit_line, level, text, f'thread {worker + 1}', task_id)

        def finish():
            run.add(task_id, 'thread', {'thread': worker + 1, 'end': True, 'label': label})
            if future.cancelled():
                return
            if outcome[0] == 'ok':
                future.set_result(outcome[1])
            else:
                future.set_exception(outcome[1])

        if start > run.clock:
            self.call_at(start, begin)
        else:
            begin()
        self.call_at(end, finish)
        return future

    async def shutdown_default_executor(self, timeout=None):
        # No real thread was started (run_in_executor simulates them), so none to join.
        self._executor_shutdown_called = True
        executor, self._default_executor = self._default_executor, None
        if executor is not None:
            executor.shutdown(wait=False)


class TracedVirtualLoop(VirtualEventLoop):
    """VirtualEventLoop recording the trace: a lane per task (TracedTask,
    asyncio's pure-Python Task with its step wrapped), a label per sleep and
    a ready event per wake-up. What run_program runs a program on."""

    def call_at(self, when, callback, *args, context=None):
        timer = super().call_at(when, callback, *args, context=context)
        if callback is _futures._set_result_unless_cancelled and args:
            self._vrun.labels[args[0]] = ('sleep', f'sleep {round((when - self.time()) * 1000, 3):g}ms')
        return timer

    def call_soon(self, callback, *args, context=None):
        handle = super().call_soon(callback, *args, context=context)
        owner = getattr(callback, '__self__', None)
        if isinstance(owner, TracedTask) and owner._vid:
            self._vrun.add(owner._vid, 'ready', {'since': self._vrun.ms()})
        return handle

    def create_task(self, coro, *, name=None, context=None, **kwargs):
        # BaseEventLoop.create_task with TracedTask for Task (a factory set by the program still wins).
        if self._task_factory is not None:
            return super().create_task(coro, name=name, context=context, **kwargs)
        self._check_closed()
        return TracedTask(coro, loop=self, name=name, context=context, **kwargs)


def _cancel_all_tasks(loop):
    # asyncio.runners._cancel_all_tasks, without the logging of late errors.
    to_cancel = asyncio.all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))


def _call_graph(task):
    """asyncio's own await graph of `task` (3.14's format_call_graph), or None
    before 3.14. The graph recognises only the C Future and Task, and
    TracedTask is the pure-Python Task: for this call the type checks also
    admit the Python classes (nothing creates a Future meanwhile)."""
    if not hasattr(asyncio, 'format_call_graph'):
        return None
    saved = _futures.Future, _tasks.Task
    _futures.Future, _tasks.Task = (saved[0], _futures._PyFuture), (saved[1], _tasks._PyTask)
    try:
        # Addresses (id=0x...) differ from run to run; the graph without them does not.
        return re.sub(r'\(id=0x[0-9a-f]+\)|, id=0x[0-9a-f]+', '', asyncio.format_call_graph(task))
    except Exception:  # noqa: BLE001 - the graph is extra information
        return None
    finally:
        _futures.Future, _tasks.Task = saved


def _add_to_awaited_by(fut, waiter, /):
    # 3.14 records "who awaits whom" for the call graph; the C helper skips
    # pure-Python futures, so a task awaiting a TracedTask goes to the Python one.
    if isinstance(fut, _futures._PyFuture) and isinstance(waiter, _futures._PyFuture):
        return _futures._py_future_add_to_awaited_by(fut, waiter)
    return _C_ADD_AWAITED_BY(fut, waiter)


def _discard_from_awaited_by(fut, waiter, /):
    if isinstance(fut, _futures._PyFuture) and isinstance(waiter, _futures._PyFuture):
        return _futures._py_future_discard_from_awaited_by(fut, waiter)
    return _C_DISCARD_AWAITED_BY(fut, waiter)


_C_ADD_AWAITED_BY = getattr(_futures, 'future_add_to_awaited_by', None)
_C_DISCARD_AWAITED_BY = getattr(_futures, 'future_discard_from_awaited_by', None)


def _deadlock(run, loop):
    blocked = []
    graphs = []
    for task in sorted(asyncio.all_tasks(loop), key=lambda t: getattr(t, '_vid', 0)):
        if isinstance(task, TracedTask) and not task.done():
            blocked.append({'task': task._vid, 'name': task.get_name(), 'on': _label(task)})
            graph = _call_graph(task)
            if graph:
                graphs.append(graph)
    run.add(0, 'deadlock', {'blocked': blocked})
    waits = ', '.join(f"{b['name']} waits on {b['on']['what']}" for b in blocked)
    message = f'deadlock: every task is waiting and nothing can wake them ({waits})'
    if graphs:
        message += '\n' + '\n'.join(graphs)
    run.stop('deadlock', message)


def virtual_run(main, *, debug=None, loop_factory=None):
    """asyncio.run(main) on a fresh TracedVirtualLoop (what `asyncio.run` means during a run)."""
    run = _run
    if not asyncio.iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    # Pyodide keeps its own loop marked running; asyncio.run refuses to start under a running loop.
    outer = events._get_running_loop()
    events._set_running_loop(None)
    loop = TracedVirtualLoop(run)
    try:
        if debug is not None:
            loop.set_debug(debug)
        task = loop.create_task(main)
        try:
            return loop.run_until_complete(task)
        except Deadlock:
            _deadlock(run, loop)
    finally:
        try:
            if run.stopped is None:
                _cancel_all_tasks(loop)
                loop._vcleanup = True
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.run_until_complete(loop.shutdown_default_executor())
            else:
                loop.set_exception_handler(lambda loop, context: None)
        finally:
            loop.close()
            events._set_running_loop(outer)


# -- for harnesses that drive asyncio themselves --------------------------------
UNLIMITED = {'stepLimit': float('inf'), 'timeLimit': float('inf'), 'outputLimit': float('inf')}


def new_virtual_loop(limits=None):
    """A fresh VirtualEventLoop, its clock at 0, for code that runs asyncio
    itself rather than through run_program: the semantics corpus
    (tests/corpus/semantics/vclock.py) and the bench peer
    (bench/peers/asyncio_child.py). No console capture and no budgets (unless
    `limits`); tasks are CPython's C Task, as a user's asyncio runs them, and
    nothing is recorded. loop.time() reads the clock, loop.block(s) stalls
    it; a deadlock raises Deadlock. One such loop at a time per process (they
    share the module's current run)."""
    global _run
    run = _run = _Run(dict(UNLIMITED, **(limits or {})))
    return VirtualEventLoop(run)


# -- the run ------------------------------------------------------------------
class _Console:
    """sys.stdout / sys.stderr during a run: every complete line becomes a console line."""

    def __init__(self, level):
        self.level = level
        self.pending = ''

    def write(self, s):
        s = str(s)
        self.pending += s
        while '\n' in self.pending:
            line, self.pending = self.pending.split('\n', 1)
            _run.log(self.level, line)
        return len(s)

    def flush(self):
        pass

    def end(self):
        if self.pending:
            line, self.pending = self.pending, ''
            _run.log(self.level, line)

    def isatty(self):
        return False

    @property
    def encoding(self):
        return 'utf-8'


def _ns(f):
    return lambda: int(round(f() * 1e9))


_EPOCH = 1_767_225_600.0  # time.time() at virtual 0: 2026-01-01 00:00 UTC (any fixed instant; runs must repeat)


def _patches(run, out, err):
    mono = run.now
    return [
        (time, 'sleep', run.block), (time, 'perf_counter', mono), (time, 'monotonic', mono),
        (time, 'time', lambda: _EPOCH + run.now()),
        (time, 'perf_counter_ns', _ns(mono)), (time, 'monotonic_ns', _ns(mono)),
        (time, 'time_ns', _ns(lambda: _EPOCH + run.now())),
        (asyncio, 'run', virtual_run), (sys, 'stdout', out), (sys, 'stderr', err),
        (_tasks, '_task_name_counter', itertools.count(1).__next__),
    ] + _task_bookkeeping() + ([
        (_futures, 'future_add_to_awaited_by', _add_to_awaited_by),
        (_futures, 'future_discard_from_awaited_by', _discard_from_awaited_by),
    ] if _C_ADD_AWAITED_BY and hasattr(_futures, '_py_future_add_to_awaited_by') else [])


def _task_bookkeeping():
    """Since 3.14 the pure-Python Task registers and enters itself through the
    pure-Python helpers (_py_enter_task...), which the C current_task() and
    all_tasks() do not see; during a run they are the C helpers again (up to
    3.13 the Python Task already called whatever the module's names held)."""
    names = ['enter_task', 'leave_task', 'swap_current_task', 'register_task',
             'unregister_task', 'register_eager_task', 'unregister_eager_task']
    return [(_tasks, f'_py_{n}', getattr(_tasks, f'_c_{n}')) for n in names
            if hasattr(_tasks, f'_py_{n}') and hasattr(_tasks, f'_c_{n}')]


def _user_traceback(e):
    """The traceback without this runner's own frames."""
    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename != _HERE]
    text = ''.join(traceback.format_list(frames))
    head = ''.join(traceback.format_exception_only(type(e), e))
    return ('Traceback (most recent call last):\n' + text if frames else '') + head


def run_program(source, filename='main.py', limits=None):
    """Run `source` as __main__ on the virtual clock; returns the result dict (see _Run.result)."""
    global _run
    run = _run = _Run(limits)
    out, err = _Console('log'), _Console('error')
    patches = _patches(run, out, err)
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    for obj, name, value in patches:
        setattr(obj, name, value)
    try:
        try:
            code = compile(source, filename, 'exec')
            exec(code, {'__name__': '__main__', '__file__': filename, '__builtins__': builtins})
        except _Stopped:
            pass
        except SystemExit as e:
            if e.code not in (None, 0):
                run.problems.append({'kind': 'exit', 'message': f'exit status {e.code}'})
        except BaseException as e:  # noqa: BLE001 - the program's error is the run's result
            stack = _user_traceback(e)
            try:
                for line in stack.rstrip('\n').split('\n'):
                    run.emit_line('error', line)
            except _Stopped:
                pass
            message = f'{type(e).__name__}: {e}'
            run.add(0, 'error', {'message': message, 'stack': stack})
            run.problems.append({'kind': 'error', 'message': message})
            run.add(0, 'stop', {'reason': 'error', 'message': message})
        try:
            out.end()
            err.end()
        except _Stopped:
            pass
    finally:
        for obj, name, value in saved:
            setattr(obj, name, value)
        _run = None
    return run.result()


def run_program_json(source, filename='main.py', limits_json='null'):
    """run_program with JSON in and out (what the JavaScript side calls)."""
    return json.dumps(run_program(source, filename, json.loads(limits_json)), ensure_ascii=False)


if __name__ == '__main__':
    path = sys.argv[1]
    with open(path, encoding='utf-8') as f:
        src = f.read()
    limits = sys.argv[2] if len(sys.argv) > 2 else 'null'  # JSON, e.g. '{"stepLimit": 1000}'
    sys.stdout.write(run_program_json(src, path.replace('\\', '/').rsplit('/', 1)[-1], limits) + '\n')
