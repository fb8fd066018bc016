import trio
from vclock import log, run_trio, yn


async def main():
    with trio.CancelScope() as outer:
        with trio.CancelScope() as inner:
            outer.cancel()
            try:
                await trio.sleep(1)
            except trio.Cancelled:
                log('Cancelled passes through inner')
                raise
        log('not reached')
    log(f'outer caught {yn(outer.cancelled_caught)}, inner caught {yn(inner.cancelled_caught)}')
    with trio.CancelScope() as scope:
        scope.cancel()
        log('cancelled but never checkpointed')
    log(f'no checkpoint: caught {yn(scope.cancelled_caught)} cancel_called {yn(scope.cancel_called)}')
    with trio.move_on_after(0.2) as scope:
        try:
            await trio.sleep(1)
        except trio.Cancelled:
            log('swallowing Cancelled')
    log(f'swallowed: caught {yn(scope.cancelled_caught)}')
    log('end')


run_trio(main)
