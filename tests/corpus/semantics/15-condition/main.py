import asyncio
from vclock import log, run


async def consumer(name, cond, items):
    async with cond:
        log(f'{name} waits')
        await cond.wait_for(lambda: len(items) > 0)
        log(f'{name} took {items.pop(0)}')


async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(n, cond, items)) for n in ['c1', 'c2', 'c3']]
    await asyncio.sleep(0.1)
    async with cond:
        items.append('x')
        log('notify(1)')
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(['y', 'z'])
        log('notify_all')
        cond.notify_all()
    await asyncio.gather(*tasks)
    log(f'left {len(items)}')


run(main())
