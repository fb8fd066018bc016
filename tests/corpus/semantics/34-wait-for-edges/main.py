import asyncio
from vclock import log, run


async def job(name):
    log(f'{name} started')
    await asyncio.sleep(0.1)
    log(f'{name} finished')
    return name


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log('stubborn swallows the cancel')
        await asyncio.sleep(0.1)
        return 'late value'


async def main():
    try:
        await asyncio.wait_for(job('zero'), 0)
    except TimeoutError:
        log('timeout 0: the coroutine never ran')
    r = await asyncio.wait_for(job('none'), None)
    log(f'no timeout: {r}')
    r = await asyncio.wait_for(stubborn(), 0.2)
    log(f'wait_for returned {r} instead of raising')


run(main())
