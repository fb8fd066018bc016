import trio
from vclock import log, run_trio, yn


async def worker(name, cleanup):
    try:
        await trio.sleep(10)
    finally:
        with trio.CancelScope(shield=True):
            await trio.sleep(cleanup)
        log(f'{name} cleaned up')


async def main():
    with trio.move_on_after(0.3) as scope:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(worker, 'quick', 0.1)
            nursery.start_soon(worker, 'slow', 0.4)
            log('body done')
    log(f'nursery closed after cleanups, caught {yn(scope.cancelled_caught)}')


run_trio(main)
