"""Virtual-time helpers for the semantics corpus.

Each main.py does `from vclock import log, run` (asyncio) or
`from vclock import log, run_trio` (trio) and logs with `log(msg)`.
Every call prints one line `<virtual ms>\t<msg>` on stdout; the generator
(scripts/corpus/gen-semantics.py) parses these lines.

asyncio: `run(main())` runs the coroutine like asyncio.run on a fresh
virtual-clock loop from src/python/virtual_asyncio.py (the harness the
Python twins run on): its time() is a virtual clock starting at 0 and its
selector advances that clock by the select timeout instead of sleeping.

trio: `run_trio(main)` is trio.run(main) with MockClock(autojump_threshold=0)
and strict_exception_groups=True (the default since trio 0.25; the trio on
this machine is older, so it is passed explicitly).
"""
import asyncio
import os
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


# The virtual-clock asyncio loop is the guide's one harness,
# src/python/virtual_asyncio.py (the same loop the Python twins run on, in
# Pyodide and on the desktop): asyncio's own BaseEventLoop whose "selector"
# moves the clock by the timeout it is asked to wait, timers due at one
# instant firing in the order they were scheduled (31-same-deadline-fifo).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'src', 'python'))
import virtual_asyncio  # noqa: E402

Deadlock = virtual_asyncio.Deadlock

_block = None  # callable moving the virtual clock without running anything


def block_for(seconds):
    """A blocking call on the loop's thread (time.sleep in a coroutine): the
    virtual clock moves on by `seconds` and nothing else runs meanwhile (the
    TypeScript side's blockFor)."""
    _block(seconds)


def run(main):
    """Like asyncio.run(main) on a fresh virtual-clock loop (CPython's C Task,
    nothing recorded: virtual_asyncio.new_virtual_loop)."""
    global _now
    global _block
    loop = virtual_asyncio.new_virtual_loop()
    _now = loop.time
    _block = loop.block
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
