import asyncio
from vclock import log, run


async def sleeper(i):
    v = await asyncio.sleep(0.1, f'r{i}')
    log(f'{i} woke with {v}')
    return i


async def main():
    tasks = [asyncio.create_task(sleeper(i)) for i in range(8)]
    await asyncio.sleep(0.05)
    more = [asyncio.create_task(sleeper(i)) for i in range(8, 10)]
    await asyncio.sleep(0.05)
    log('main woke at the same instant, after the sleepers')
    rs = await asyncio.gather(*tasks, *more)
    log('gathered ' + ','.join(str(r) for r in rs))


run(main())
