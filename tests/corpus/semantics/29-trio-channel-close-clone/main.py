import trio
from vclock import log, run_trio


async def producer(name, send, delay):
    async with send:
        for i in range(2):
            await trio.sleep(delay)
            await send.send(f'{name}{i}')


async def main():
    send, receive = trio.open_memory_channel(10)
    async with trio.open_nursery() as nursery:
        async with send:
            nursery.start_soon(producer, 'a', send.clone(), 0.1)
            nursery.start_soon(producer, 'b', send.clone(), 0.15)
        got = []
        async for v in receive:
            log(f'got {v}')
            got.append(v)
        log(f'all clones closed after {len(got)} items')
    s2, r2 = trio.open_memory_channel(1)
    s2.send_nowait('x')
    try:
        s2.send_nowait('y')
    except trio.WouldBlock as e:
        log(f'send_nowait on full: {type(e).__name__}')
    await s2.aclose()
    log(f'still buffered: {r2.receive_nowait()}')
    try:
        await r2.receive()
    except trio.EndOfChannel as e:
        log(f'receive after close: {type(e).__name__}')
    try:
        await s2.send('z')
    except trio.ClosedResourceError as e:
        log(f'send after close: {type(e).__name__}')
    await r2.aclose()
    s3, r3 = trio.open_memory_channel(1)
    await r3.aclose()
    try:
        await s3.send('w')
    except trio.BrokenResourceError as e:
        log(f'send with no receiver: {type(e).__name__}')


run_trio(main)
