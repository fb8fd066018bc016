import trio
from vclock import log, run_trio, yn


async def busy(name):
    try:
        log(f'{name} working without checkpoints')
        total = 0
        for i in range(100000):
            total += i
        log(f'{name} still running after cancel')
        await trio.lowlevel.checkpoint()
        log('not reached')
    except trio.Cancelled:
        log(f'{name} cancelled at the checkpoint')
        raise


async def main():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(busy, 'b')
        nursery.cancel_scope.cancel()
        log('cancel requested before b ran')
    log('nursery done')
    with trio.CancelScope() as scope:
        scope.cancel()
        log('cancelled scope, synchronous code continues')
        try:
            await trio.lowlevel.checkpoint()
        except trio.Cancelled:
            log('Cancelled raised at checkpoint')
            raise
    log(f'caught {yn(scope.cancelled_caught)}')


run_trio(main)
