import time

import trio

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    # Running out raises TooSlowError.
    try:
        with trio.fail_after(0.1):
            await trio.sleep(0.3)
    except trio.TooSlowError as e:
        print(f"{now()} ms: {type(e).__name__}")

    # move_on_after moves on without an exception; the deadline can be moved.
    start = now()
    with trio.move_on_after(0.1) as scope:
        scope.deadline = trio.current_time() + 0.3  # an absolute time
        await trio.sleep(0.2)
        print(f"{now() - start} ms later: finished")
    print(f"cancelled_caught = {scope.cancelled_caught}")


trio.run(main)
