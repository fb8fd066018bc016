import time

import trio

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    # move_on_after: give up quietly when time runs out.
    with trio.move_on_after(0.1) as scope:
        await trio.sleep(0.3)
        print("not printed: the deadline came first")
    print(f"{now()} ms: moved on, cancelled_caught = {scope.cancelled_caught}")

    # fail_after: the same deadline, but running out is an error.
    try:
        with trio.fail_after(0.1):
            await trio.sleep(0.3)
    except trio.TooSlowError as e:
        print(f"{now()} ms: fail_after raised {type(e).__name__}")

    # The at forms take an absolute time (trio.current_time()) instead of a duration.
    deadline = trio.current_time() + 0.05
    with trio.move_on_at(deadline) as fast:
        await trio.sleep(0.02)
    print(f"{now()} ms: done before the deadline, cancelled_caught = {fast.cancelled_caught}")


trio.run(main)
