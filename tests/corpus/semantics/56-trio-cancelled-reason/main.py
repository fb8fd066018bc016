import re
import trio
from vclock import log, run_trio


def why(e):
    # trio 0.31+: str(Cancelled) says its source, reason and source task;
    # the task's address and module prefix differ from run to run / language.
    return re.sub(r' at 0x[0-9a-f]+', '', str(e)).replace('__main__.', '')


async def sleeper():
    try:
        await trio.sleep(1)
    except trio.Cancelled as e:
        log(f'sleeper: {why(e)}')
        raise


async def crasher():
    await trio.sleep(0.1)
    raise ValueError("it's broken")


async def main():
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(sleeper)
            nursery.start_soon(crasher)
    except ExceptionGroup as eg:
        log(f'group of {len(eg.exceptions)}: {type(eg.exceptions[0]).__name__}')
    with trio.move_on_after(0.1):
        try:
            await trio.sleep(1)
        except trio.Cancelled as e:
            log(f'deadline: {why(e)}')
            raise
    with trio.CancelScope() as scope:
        scope.cancel(reason='enough')
        try:
            await trio.sleep(1)
        except trio.Cancelled as e:
            log(f'explicit: {why(e)}')
            raise


run_trio(main)
