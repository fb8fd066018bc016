import time

import trio

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def fetch(name: str, seconds: float) -> None:
    try:
        await trio.sleep(seconds)
        print(f"{now()} ms: {name} done")
    except trio.Cancelled:
        print(f"{now()} ms: {name} cancelled")
        raise


async def broken() -> None:
    await trio.sleep(0.15)
    raise ValueError("bad response")


async def main() -> None:
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(fetch, "a", 0.1)
            nursery.start_soon(fetch, "b", 0.3)
            nursery.start_soon(broken)
    except* ValueError as group:
        first = group.exceptions[0]
        print(f"{now()} ms: caught ExceptionGroup: {type(first).__name__}: {first}")


# strict_exception_groups=True is the default since trio 0.25.
trio.run(main, strict_exception_groups=True)
