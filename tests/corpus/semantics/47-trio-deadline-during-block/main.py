import trio
from vclock import block_for, log, run_trio, yn


async def sleeper():
    with trio.move_on_after(1) as scope:
        await trio.sleep(10)
        log('c: woke')
    log(f'c: caught {yn(scope.cancelled_caught)}')


async def main():
    # The deadline passes while the loop is blocked: the first checkpoint raises.
    with trio.move_on_after(1) as scope:
        log('a: start')
        block_for(2)
        log('a: blocked 2s')
        await trio.lowlevel.checkpoint()
        log('a: after first checkpoint')
        await trio.lowlevel.checkpoint()
        log('a: after second checkpoint')
    log(f'a: caught {yn(scope.cancelled_caught)}')
    # A sleep that starts after the deadline passed is cancelled at once.
    with trio.move_on_after(1) as scope:
        block_for(2)
        await trio.sleep(5)
        log('b: after sleep')
    log(f'b: caught {yn(scope.cancelled_caught)}')
    # Another task's deadline passes while this one blocks: it is cancelled at the next batch.
    async with trio.open_nursery() as nursery:
        nursery.start_soon(sleeper)
        await trio.sleep(0.5)
        log('main: blocking 2s')
        block_for(2)
        await trio.lowlevel.checkpoint()
        log('main: after checkpoint')
        await trio.lowlevel.checkpoint()
        log('main: after second checkpoint')


run_trio(main)
