import trio
from vclock import log, run_trio, yn


async def main():
    with trio.move_on_after(0) as scope:
        log('move_on_after(0): body starts')
        x = 1 + 1
        log(f'still running, computed {x}')
        await trio.sleep(0)
        log('not reached')
    log(f'zero caught {yn(scope.cancelled_caught)}')
    try:
        with trio.fail_at(trio.current_time() + 0.25):
            for i in range(5):
                await trio.sleep(0.1)
                log(f'step {i}')
    except trio.TooSlowError:
        log('fail_at expired')
    with trio.move_on_after(0.2):
        await trio.sleep(1000)
    log('long sleep cancelled')


run_trio(main)
