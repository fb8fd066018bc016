import time

import trio

START = time.monotonic()


def now() -> int:
    """Milliseconds since the start, like the playground's now()."""
    return round((time.monotonic() - START) * 1000)


async def producer(name: str, send: trio.MemorySendChannel) -> None:
    async with send:  # closes this clone on the way out
        for i in range(1, 3):
            await send.send(f"{name}{i}")  # waits while the buffer is full
            print(f"{now()} ms: {name} handed over {name}{i}")


async def consumer(receive: trio.MemoryReceiveChannel) -> None:
    async with receive:
        async for item in receive:
            await trio.sleep(0.1)  # a slow consumer
            print(f"{now()} ms: consumer processed {item}")
    print(f"{now()} ms: every send end is closed, the loop ends")


async def main() -> None:
    send, receive = trio.open_memory_channel(0)  # 0: a rendezvous
    async with trio.open_nursery() as nursery:
        async with send:  # only the clones stay open
            nursery.start_soon(producer, "a", send.clone())
            nursery.start_soon(producer, "b", send.clone())
        nursery.start_soon(consumer, receive)


trio.run(main)
