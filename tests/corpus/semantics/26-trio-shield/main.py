import trio
from vclock import log, run_trio, yn


async def main():
    with trio.move_on_after(0.2) as outer:
        try:
            await trio.sleep(1)
        finally:
            log('cleanup starts, scope already cancelled')
            with trio.CancelScope(shield=True):
                await trio.sleep(0.3)
                log('shielded cleanup finished')
            log('after shield')
    log(f'outer caught {yn(outer.cancelled_caught)}')
    with trio.CancelScope() as scope:
        scope.cancel()
        with trio.CancelScope(shield=True) as s:
            await trio.sleep(0.1)
            log('shield protects against an earlier cancel')
            s.shield = False
            await trio.sleep(0.1)
            log('not reached')
    log(f'scope caught {yn(scope.cancelled_caught)}, inner caught {yn(s.cancelled_caught)}')


run_trio(main)
