"""asyncio.run on a virtual clock, for the run() shutdown cases (README.md).

`run(main)` is `asyncio.Runner(loop_factory=VirtualLoop).run(main())`: the
real Runner, so its close() is CPython's own (_cancel_all_tasks, then
shutdown_asyncgens, then shutdown_default_executor). The loop is
BaseEventLoop with a clock that jumps instead of sleeping and timers due at
the same instant in the order they were set (no sockets: it runs in Pyodide
too). Every `log(msg)` prints `<virtual ms>\t<msg>`; what the loop's
exception handler is given (a shutdown error) prints as a `report:` line.
"""
import asyncio
import heapq
import itertools
import sys
from asyncio import events

_clock = [0.0]


def log(msg):
    sys.stdout.write(f'{round(_clock[0] * 1000)}\t{msg}\n')


def _report(loop, context):
    exc = context.get('exception')
    who = context.get('task')
    name = who.get_name() if who is not None else '-'
    log(f"report: {context['message']} | task {name} | {type(exc).__name__}: {exc}")


class _Selector:
    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError('deadlock: nothing can run')
        if timeout > 0:
            _clock[0] += timeout
        return []

    def close(self):
        pass


class _Timer(asyncio.TimerHandle):
    __slots__ = ('_seq',)

    def __lt__(self, other):
        if self._when == other._when:
            return self._seq < other._seq
        return self._when < other._when


class VirtualLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _Selector()
        self._seq = itertools.count()
        self.set_exception_handler(_report)

    def time(self):
        return _clock[0]

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = _Timer(when, callback, args, self, context)
        timer._seq = next(self._seq)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


def run(main):
    # Pyodide marks its own loop as running; asyncio.Runner refuses to start under one.
    outer = events._get_running_loop()
    events._set_running_loop(None)
    try:
        with asyncio.Runner(loop_factory=VirtualLoop) as runner:
            return runner.run(main())
    finally:
        events._set_running_loop(outer)
