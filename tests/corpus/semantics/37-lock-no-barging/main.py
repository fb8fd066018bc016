import asyncio
from vclock import log, run


async def holder(lock):
    for i in range(3):
        async with lock:
            log(f'holder round {i}')
            await asyncio.sleep(0.1)
        log(f'holder released {i}')


async def other(name, lock, start):
    await asyncio.sleep(start)
    log(f'{name} wants the lock')
    async with lock:
        log(f'{name} got the lock')
        await asyncio.sleep(0.1)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(holder(lock), other('a', lock, 0.05), other('b', lock, 0.06))
    log('end')


run(main())
