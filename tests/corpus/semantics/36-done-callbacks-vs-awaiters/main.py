import asyncio
from vclock import log, run


async def work():
    await asyncio.sleep(0.1)
    log('work returns')
    return 'w'


async def awaiter(t):
    r = await t
    log(f'awaiter got {r}')


async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(lambda f: log('callback 1'))
    a = asyncio.create_task(awaiter(t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: log(f'callback 2 sees {f.result()}'))
    r = await t
    log(f'main got {r}')
    await a
    t.add_done_callback(lambda f: log('callback on a done task'))
    log('added after done')
    await asyncio.sleep(0)
    log('end')


run(main())
