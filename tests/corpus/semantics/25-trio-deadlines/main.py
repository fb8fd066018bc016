import trio
from vclock import log, run_trio, yn


def ms(t):
    return str(round(t * 1000))


async def main():
    start = trio.current_time()
    with trio.move_on_at(start + 0.4) as scope:
        log(f'deadline {ms(scope.deadline - start)}')
        await trio.sleep(0.1)
        scope.deadline += 0.2
        log(f'pushed deadline to {ms(scope.deadline - start)}')
        await trio.sleep(1)
    log(f'moved on, cancelled_caught {yn(scope.cancelled_caught)}')
    with trio.move_on_after(1) as outer:
        with trio.move_on_after(0.2) as inner:
            await trio.sleep(0.5)
        log(f'inner caught {yn(inner.cancelled_caught)}')
        await trio.sleep(0.1)
        log('outer still running')
    log(f'outer caught {yn(outer.cancelled_caught)}')
    with trio.move_on_at(trio.current_time() - 1) as past:
        log('deadline already passed, body still starts')
        await trio.lowlevel.checkpoint()
        log('not reached')
    log(f'past caught {yn(past.cancelled_caught)}')


run_trio(main)
