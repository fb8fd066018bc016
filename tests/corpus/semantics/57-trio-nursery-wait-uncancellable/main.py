import trio
from vclock import log, run_trio, yn


async def shielded_child():
    with trio.CancelScope(shield=True):
        await trio.sleep(0.2)
    log('shielded child done')


async def main():
    # Since trio 0.23 (#1457) a parent waiting for its nursery's children is
    # not only uncancellable: a cancellation meanwhile injects no Cancelled;
    # and a nursery with no child left closes with a cancel-shielded
    # schedule point. So the code after the nursery runs, up to its next
    # checkpoint.
    with trio.move_on_after(0.1) as outer:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(shielded_child)
        log('after the nursery')
        await trio.sleep(0)
        log('not reached')
    log(f'outer caught {yn(outer.cancelled_caught)}, nursery caught {yn(nursery.cancel_scope.cancelled_caught)}')
    with trio.CancelScope() as scope:
        scope.cancel()
        async with trio.open_nursery():
            pass
        log('after the empty nursery')
    log(f'caught {yn(scope.cancelled_caught)}')


run_trio(main)
