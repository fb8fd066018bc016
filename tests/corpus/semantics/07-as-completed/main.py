import asyncio
from vclock import log, run


async def job(name, delay):
    await asyncio.sleep(delay)
    log(f'{name} finishing')
    return name


async def main():
    tasks = [asyncio.create_task(job(n, d)) for n, d in [('a', 0.3), ('b', 0.1), ('c', 0.2), ('d', 0.1)]]
    for i, fut in enumerate(asyncio.as_completed(tasks)):
        r = await fut
        log(f'#{i} {r}')
    log('end')


run(main())
