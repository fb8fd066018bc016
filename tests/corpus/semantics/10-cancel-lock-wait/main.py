import asyncio
from vclock import log, run


async def user(name, lock, hold):
    log(f'{name} wants the lock')
    try:
        async with lock:
            log(f'{name} has the lock')
            await asyncio.sleep(hold)
            log(f'{name} releases')
    except asyncio.CancelledError:
        log(f'{name} cancelled')
        raise


async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(user('a', lock, 0.3))
    b = asyncio.create_task(user('b', lock, 0.1))
    c = asyncio.create_task(user('c', lock, 0.1))
    await asyncio.sleep(0.1)
    b.cancel()
    await asyncio.sleep(0)
    log(f'b cancelled: {"yes" if b.cancelled() else "no"}')
    await asyncio.gather(a, c)
    log(f'locked at end: {"yes" if lock.locked() else "no"}')


run(main())
