import trio
from vclock import log, run_trio, yn


async def worker(name):
    try:
        await trio.sleep(1)
        log(f'{name} not cancelled')
    finally:
        log(f'{name} finally')


async def main():
    with trio.CancelScope() as scope:
        log('inside scope')
        scope.cancel()
        log(f'cancel_called {yn(scope.cancel_called)}, still running until a checkpoint')
        await trio.sleep(0.1)
        log('not reached')
    log(f'after scope, cancelled_caught {yn(scope.cancelled_caught)}')
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, 'w1')
        nursery.start_soon(worker, 'w2')
        await trio.sleep(0.3)
        log('cancelling the nursery')
        nursery.cancel_scope.cancel()
    log(f'nursery cancelled_caught {yn(nursery.cancel_scope.cancelled_caught)}')


run_trio(main)
