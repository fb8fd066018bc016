import time

import trio

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    with trio.move_on_after(0.1):
        # An inner scope cannot extend the outer deadline: the earliest one wins.
        with trio.move_on_after(1.0):
            left = trio.current_effective_deadline() - trio.current_time()
            print(f"{now()} ms: effective deadline in {left * 1000:.0f} ms")
            try:
                await trio.sleep(0.5)
            finally:
                print(f"{now()} ms: cancelled, cleaning up")
                # Without the shield, this sleep would raise Cancelled at once.
                with trio.CancelScope(shield=True):
                    await trio.sleep(0.05)  # e.g. tell the server goodbye
                    print(f"{now()} ms: cleanup finished under the shield")
    print(f"{now()} ms: moved on")


trio.run(main)
