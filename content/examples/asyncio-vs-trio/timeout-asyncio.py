import asyncio
import time

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def main() -> None:
    # Running out raises TimeoutError (Python 3.11+).
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(0.3)
    except TimeoutError as e:
        print(f"{now()} ms: {type(e).__name__}")

    # To "move on" instead, catch it; to give more time, reschedule.
    start = now()
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(loop.time() + 0.3)  # an absolute time on the loop's clock
        await asyncio.sleep(0.2)
        print(f"{now() - start} ms later: finished, expired() = {cm.expired()}")


asyncio.run(main())
