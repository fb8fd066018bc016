import asyncio
from vclock import log, run


async def worker(i, sem):
    async with sem:
        log(f'worker {i} in')
        await asyncio.sleep(0.1 * (i % 2 + 1))
        log(f'worker {i} out')


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(i, sem) for i in range(5)))
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        log(f'over-release: {type(e).__name__}')
    log(f'locked {"yes" if b.locked() else "no"}')


run(main())
