import trio
from vclock import log, run_trio, yn


async def main():
    # CancelScope(relative_deadline=...) (trio 0.27): the deadline is set when
    # the scope is entered; an unentered relative scope has no absolute
    # deadline (reading it raises since 0.34).
    scope = trio.CancelScope(relative_deadline=0.3)
    log(f'relative {round(scope.relative_deadline * 1000)}, is_relative {yn(scope.is_relative)}')
    try:
        scope.deadline
    except RuntimeError as e:
        log(f'deadline: RuntimeError {e}')
    await trio.sleep(0.2)
    with scope:
        log(f'entered: deadline {round(scope.deadline * 1000)}, relative {round(scope.relative_deadline * 1000)}, '
            f'is_relative None {yn(scope.is_relative is None)}')
        await trio.sleep(0.1)
        scope.relative_deadline = 0.05
        log(f'moved: deadline {round(scope.deadline * 1000)}')
        await trio.sleep(1)
        log('not reached')
    log(f'cancelled_caught {yn(scope.cancelled_caught)}')
    try:
        trio.CancelScope(deadline=1, relative_deadline=1)
    except ValueError as e:
        log(f'ValueError {e}')
    absolute = trio.CancelScope(deadline=trio.current_time() + 1)
    try:
        absolute.relative_deadline
    except RuntimeError as e:
        log(f'RuntimeError {e}')
    with trio.move_on_after(0.1) as s:
        log(f'move_on_after: deadline {round(s.deadline * 1000)}')
        await trio.sleep(1)
    log(f'moved on {yn(s.cancelled_caught)}')


run_trio(main)
