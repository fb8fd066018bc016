import trio
from vclock import log, run_trio, yn


async def main():
    with trio.move_on_after(0.5) as scope:
        await trio.sleep(0.2)
        log('finished in time')
    log(f'first scope cancelled_caught {yn(scope.cancelled_caught)}')
    with trio.move_on_after(0.3) as scope:
        await trio.sleep(1)
        log('not reached')
    log(f'second scope cancelled_caught {yn(scope.cancelled_caught)}')
    try:
        with trio.fail_after(0.2):
            await trio.sleep(0.1)
            log('fail_after body step 1')
            await trio.sleep(0.5)
            log('not reached')
    except trio.TooSlowError as e:
        log(f'caught {type(e).__name__}')
    with trio.fail_after(1):
        log('fail_after with time to spare')
    log('end')


run_trio(main)
