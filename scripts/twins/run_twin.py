"""Run one of the guide's Python twins on a virtual clock and print its output.

    python3 scripts/twins/run_twin.py content/examples/asyncio/gather.py

The twins measure time with time.perf_counter()/time.monotonic() and wait
with asyncio.sleep, trio.sleep and, for blocking work, time.sleep. Run for
real they would take seconds and print numbers that depend on the machine's
load; here every clock reads virtual time (seconds since the start), so a
twin prints the same thing every run and finishes at once:

- asyncio.run uses a loop whose time() is virtual: when nothing is ready it
  jumps to the next timer (timers due at one instant fire in the order set).
- trio.run gets MockClock(autojump_threshold=0), strict exception groups and a
  seeded scheduler (trio orders tasks ready at one instant at random).
- time.sleep on the loop's thread moves the clock on (nothing else runs
  meanwhile, as in real life); in a worker thread (asyncio.to_thread,
  run_in_executor) it waits until the loop's clock reaches its end, and the
  loop does not move the clock while a worker is busy, so threads overlap in
  virtual time the way they would in real time.
- Real sockets (aiohttp twins talking to themselves on 127.0.0.1) take no
  virtual time: the loop looks for I/O before it moves the clock.

A twin that runnable.py (src/python) accepts - standard-library asyncio or
plain Python - runs instead on src/python/virtual_asyncio.py, the harness the
browser's Run Python and `npm run twins:check` use, so the recorded output and
the browser's come from one loop. This file's own loop remains for the rest.

Used by scripts/twins-update.mjs (writes <name>.py.out) and
tests/content/python-twins.test.ts (compares with it).
"""
import asyncio
import heapq
import os
import runpy
import sys
import threading
import time

try:  # bind trio's own clock functions before time is patched below
    import trio
    import trio.testing
except ImportError:
    trio = None

_MAIN = threading.main_thread()
_cond = threading.Condition()
_state = {'now': 0.0, 'jobs': 0}  # virtual seconds; executor jobs started and not yet seen done by the loop
_sleepers = []  # [deadline] lists of worker threads waiting in time.sleep


def _now():
    if trio is not None:
        try:
            return trio.current_time()
        except RuntimeError:
            pass
    return _state['now']


def _wake_due():
    """With _cond held: wake the worker threads whose sleep has ended."""
    due = [s for s in _sleepers if s[0] <= _state['now']]
    for s in due:
        _sleepers.remove(s)
    if due:
        _cond.notify_all()


def _sleep(seconds):
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    if trio is not None and threading.current_thread() is _MAIN:
        try:  # blocking inside trio.run: the mock clock moves, nothing else runs
            trio.lowlevel.current_clock().jump(seconds)
            return
        except RuntimeError:
            pass
    with _cond:
        if threading.current_thread() is _MAIN:
            _state['now'] += seconds
            _wake_due()
            return
        me = [_state['now'] + seconds]
        _sleepers.append(me)
        while me in _sleepers:
            _cond.wait()


time.monotonic = time.perf_counter = _now
time.time = lambda: 1_750_000_000.0 + _now()
time.monotonic_ns = time.perf_counter_ns = lambda: int(_now() * 1e9)
time.sleep = _sleep


class _FifoTimerHandle(asyncio.TimerHandle):
    __slots__ = ('_seq',)

    def __lt__(self, other):
        if self._when == other._when:
            return self._seq < other._seq
        return self._when < other._when


class VirtualClockLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._timer_seq = 0
        real = self._selector.select

        def select(timeout=None):
            while True:
                events = real(0)
                if events or timeout == 0:
                    return events
                with _cond:
                    busy = _state['jobs'] > len(_sleepers)
                    next_thread = min((s[0] for s in _sleepers), default=None)
                if busy:  # a worker is computing: wait for it to post back
                    events = real(0.05)
                    if events:
                        return events
                    continue
                if self._real_io():  # a socket may still answer: give it a moment
                    events = real(0.1)
                    if events:
                        return events
                due = [t for t in (next_thread, None if timeout is None else _state['now'] + timeout) if t is not None]
                if not due:
                    # Only a thread the loop does not track (shutting down the
                    # executor, for one) can still post to the loop.
                    events = real(10.0)
                    if events:
                        return events
                    raise RuntimeError('deadlock: nothing ready, no timer and no thread')
                with _cond:
                    _state['now'] = max(_state['now'], min(due))
                    _wake_due()
                if timeout is not None and _state['now'] >= due[-1] - 1e-12 and (next_thread is None or next_thread >= due[-1]):
                    return []
                if next_thread is None:
                    return []

        self._selector.select = select

    def _real_io(self):
        # Registered file objects other than the loop's own self-pipe.
        return len(self._selector.get_map()) > 1

    def time(self):
        return _state['now']

    def call_at(self, when, callback, *args, context=None):
        timer = _FifoTimerHandle(when, callback, args, self, context)
        self._timer_seq += 1
        timer._seq = self._timer_seq
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        # A job counts as busy from the moment a worker starts it until the
        # loop has seen its result (not when the worker returns: the clock
        # must not move between the two).
        started = []

        def job():
            with _cond:
                _state['jobs'] += 1
                started.append(True)
            return func(*args)

        def done(_):
            if started:
                with _cond:
                    _state['jobs'] -= 1

        fut = super().run_in_executor(executor, job)
        fut.add_done_callback(done)
        return fut


def _asyncio_run(main, *, debug=None, loop_factory=None):
    with asyncio.Runner(debug=debug, loop_factory=VirtualClockLoop) as runner:
        return runner.run(main)


asyncio.run = _asyncio_run

if trio is not None:
    _trio_run = trio.run

    def _run_trio(fn, *args, **kwargs):
        kwargs.setdefault('clock', trio.testing.MockClock(autojump_threshold=0))
        kwargs.setdefault('strict_exception_groups', True)
        return _trio_run(fn, *args, **kwargs)

    trio.run = _run_trio
    # trio runs the tasks that are ready together in a random order (it
    # reverses each batch half the time); a fixed seed makes a twin print the
    # same lines on every run of one trio version.
    _core_run = getattr(getattr(trio, '_core', None), '_run', None)
    if _core_run is not None and hasattr(_core_run, '_r'):
        _core_run._r.seed(0)


def _run_shared(path, source):
    """A twin the browser can run too goes through the guide's one virtual-clock
    harness, src/python/virtual_asyncio.py (what Run Python and twins:check
    use): its printed lines to stdout, its traceback to stderr."""
    import virtual_asyncio
    result = virtual_asyncio.run_program(source, os.path.basename(path))
    for _t, _task, level, text in result['lines']:
        (sys.stderr if level == 'error' else sys.stdout).write(text + '\n')
    return 0 if result['status'] == 'ok' else 1


if __name__ == '__main__':
    path = sys.argv[1]
    sys.argv = sys.argv[1:]
    # The twins that need what the shared harness has not got (trio, real
    # sockets such as the aiohttp twins talking to themselves, processes)
    # run on this file's loop above; the others on the shared one.
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'python'))
    from runnable import why_not_runnable
    with open(path, encoding='utf-8') as f:
        source = f.read()
    if why_not_runnable(source) is None:
        sys.exit(_run_shared(path, source))
    runpy.run_path(path, run_name='__main__')
