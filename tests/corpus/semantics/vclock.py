"""Virtual-time helpers for the semantics corpus.

Each main.py does `from vclock import log, run` (asyncio) or
`from vclock import log, run_trio` (trio) and logs with `log(msg)`.
Every call prints one line `<virtual ms>\t<msg>` on stdout; the generator
(scripts/corpus/gen-semantics.py) parses these lines.

asyncio: `run(main())` runs the coroutine like asyncio.run on a fresh
VirtualEventLoop, whose time() is a virtual clock starting at 0 and whose
selector advances that clock by the select timeout instead of sleeping.

trio: `run_trio(main)` is trio.run(main) with MockClock(autojump_threshold=0)
and strict_exception_groups=True (the default since trio 0.25; the trio on
this machine is older, so it is passed explicitly).
"""
import asyncio
import heapq
import selectors
import sys

_now = None  # callable returning virtual seconds since the start


def now_ms():
    return round(_now() * 1000)


def log(msg):
    msg = str(msg)
    assert '\n' not in msg and '\t' not in msg, msg
    sys.stdout.write(f"{now_ms()}\t{msg}\n")


def yn(b):
    """Booleans print as yes/no: Python's True/False and JS's true/false differ."""
    return 'yes' if b else 'no'


def ename(e):
    """The error's type name; exception groups of any concrete class
    (asyncio's ExceptionGroup, trio's NonBaseMultiError) print as
    ExceptionGroup / BaseExceptionGroup, the names the TS API uses."""
    if isinstance(e, ExceptionGroup):
        return 'ExceptionGroup'
    if isinstance(e, BaseExceptionGroup):
        return 'BaseExceptionGroup'
    return type(e).__name__


class Deadlock(RuntimeError):
    pass


class _VirtualSelector(selectors.DefaultSelector):
    """A real selector (the loop registers its self-pipe) that never waits:
    select(timeout) polls once and moves the virtual clock forward by
    timeout."""

    def __init__(self):
        super().__init__()
        self.clock = 0.0

    def select(self, timeout=None):
        events = super().select(0)
        if events:
            return events
        if timeout is None:
            raise Deadlock('deadlock: nothing scheduled and the main task is not done')
        if timeout > 0:
            self.clock += timeout
        return []


class _FifoTimerHandle(asyncio.TimerHandle):
    """Orders by (when, seq). asyncio compares timers by `when` alone and keeps
    them in a heapq, which is not stable: with a virtual clock many timers fall
    due at exactly the same instant and would fire in heap order (e.g. 12
    sleeps of 0.1 s started in a row wake as 0, 2, 6, 11, 10, ...). On a real
    clock two timers scheduled one after the other never have equal `when`
    (time() moves on between the calls), so they fire in the order they were
    scheduled. The tie-break by scheduling order restores that."""

    __slots__ = ('_seq',)

    def __lt__(self, other):
        if self._when == other._when:
            return self._seq < other._seq
        return self._when < other._when


class VirtualEventLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        self._vselector = _VirtualSelector()
        self._timer_seq = 0
        super().__init__(self._vselector)

    def time(self):
        return self._vselector.clock

    def call_at(self, when, callback, *args, context=None):
        # Same as BaseEventLoop.call_at (3.11), with a FIFO tie-break.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _FifoTimerHandle(when, callback, args, self, context)
        self._timer_seq += 1
        timer._seq = self._timer_seq
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


_block = None  # callable moving the virtual clock without running anything


def block_for(seconds):
    """A blocking call on the loop's thread (time.sleep in a coroutine): the
    virtual clock moves on by `seconds` and nothing else runs meanwhile (the
    TypeScript side's blockFor)."""
    _block(seconds)


def run(main):
    """Like asyncio.run(main) on a fresh VirtualEventLoop."""
    global _now
    global _block
    loop = VirtualEventLoop()
    _now = loop.time
    _block = lambda seconds: setattr(loop._vselector, 'clock', loop._vselector.clock + seconds)
    try:
        asyncio.set_event_loop(loop)
        return loop.run_until_complete(main)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            asyncio.set_event_loop(None)
            loop.close()


def _cancel_all_tasks(loop):
    # Same as asyncio.runners._cancel_all_tasks.
    to_cancel = asyncio.all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))


def run_trio(main, *args):
    global _now
    import trio
    import trio.testing
    global _block
    clock = trio.testing.MockClock(autojump_threshold=0)
    start = clock.current_time()
    _now = lambda: clock.current_time() - start
    _block = clock.jump
    return trio.run(main, *args, clock=clock, strict_exception_groups=True)
