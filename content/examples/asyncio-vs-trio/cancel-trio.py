import time

import trio

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    with trio.move_on_after(0.1) as scope:
        try:
            await trio.sleep(1)
        except trio.Cancelled:
            print(f"{now()} ms: Cancelled swallowed")
        try:
            await trio.sleep(0.1)  # still inside the cancelled scope: a checkpoint
            print("not printed")
        except trio.Cancelled:
            print(f"{now()} ms: the next checkpoint raised Cancelled again")
            raise
    print(f"{now()} ms: scope exited, cancelled_caught = {scope.cancelled_caught}")


trio.run(main)
