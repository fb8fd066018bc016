import asyncio
from vclock import log, run


async def spinner(name, n):
    for i in range(n):
        log(f'{name} {i}')
        await asyncio.sleep(0)
    log(f'{name} done')


async def main():
    a = asyncio.create_task(spinner('a', 3))
    b = asyncio.create_task(spinner('b', 2))
    log('main yields once')
    await asyncio.sleep(0)
    log('main back')
    await asyncio.sleep(0)
    log('main back again')
    await a
    await b
    log('all done')


run(main())
