import asyncio
from vclock import log, run


async def important():
    log('important start')
    await asyncio.sleep(0.5)
    log('important end')
    return 'saved'


async def waiter(inner):
    try:
        r = await asyncio.shield(inner)
        log(f'waiter got {r}')
    except asyncio.CancelledError:
        log('waiter cancelled')
        raise


async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        log('outer cancelled')
    log(f'inner cancelled? {"yes" if inner.cancelled() else "no"}')
    r = await inner
    log(f'inner result {r}')
    try:
        await asyncio.wait_for(asyncio.shield(asyncio.create_task(important())), 0.2)
    except TimeoutError:
        log('wait_for timed out, shielded work continues')
    await asyncio.sleep(0.4)
    log('end')


run(main())
