import trio
from vclock import log, run_trio


async def consumer(name, receive, delay):
    async with receive:
        async for v in receive:
            log(f'{name} got {v}')
            await trio.sleep(delay)
    log(f'{name} done')


async def main():
    send, receive = trio.open_memory_channel(0)
    async with trio.open_nursery() as nursery:
        async with receive:
            nursery.start_soon(consumer, 'slow', receive.clone(), 0.35)
            await trio.sleep(0.05)
            nursery.start_soon(consumer, 'fast', receive.clone(), 0.1)
            await trio.sleep(0.05)
        async with send:
            for i in range(6):
                await send.send(i)
                log(f'sent {i}')
    log('end')


run_trio(main)
