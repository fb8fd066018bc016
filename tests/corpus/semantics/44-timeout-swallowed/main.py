import asyncio
from vclock import log, run, yn


async def main():
    async with asyncio.timeout(0.1):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            log('body swallowed the timeout cancel')
    log('no TimeoutError: the block exited normally')
    event = asyncio.Event()

    async def waiter(name):
        r = await event.wait()
        log(f'{name} woke, wait returned {yn(r)}, is_set {yn(event.is_set())}')

    ts = [asyncio.create_task(waiter(n)) for n in ['w1', 'w2']]
    await asyncio.sleep(0.1)
    event.set()
    event.clear()
    log('set then clear at once')
    await asyncio.gather(*ts)
    log('end')


run(main())
