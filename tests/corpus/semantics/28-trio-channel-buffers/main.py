import trio
from vclock import log, run_trio


async def producer(name, send, n):
    for i in range(n):
        log(f'{name} sending {i}')
        await send.send(i)
        log(f'{name} sent {i}')
    await send.aclose()


async def slow_consumer(name, receive):
    async for v in receive:
        log(f'{name} received {v}')
        await trio.sleep(0.1)
    log(f'{name} sees the channel closed')


async def main():
    for size in [0, 2]:
        log(f'buffer {size}')
        send, receive = trio.open_memory_channel(size)
        async with trio.open_nursery() as nursery:
            nursery.start_soon(producer, 'p', send, 3)
            await trio.sleep(0.05)
            nursery.start_soon(slow_consumer, 'c', receive)
        log(f'buffer {size} done')


run_trio(main)
