import asyncio
from vclock import log, run


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        log(f'{name} done')
        return name
    except asyncio.CancelledError:
        log(f'{name} cancelled')
        raise


async def main():
    g = asyncio.gather(child('a', 0.5), child('b', 0.5))
    await asyncio.sleep(0.1)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        log('gather cancelled')
    t1 = asyncio.create_task(child('c', 0.5))
    t2 = asyncio.create_task(child('d', 0.2))
    g2 = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0.1)
    t1.cancel()
    rs = await g2
    log('results ' + ','.join(type(r).__name__ if isinstance(r, BaseException) else r for r in rs))
    t3 = asyncio.create_task(child('e', 0.5))
    g3 = asyncio.gather(t3, child('f', 0.1))
    await asyncio.sleep(0.05)
    t3.cancel()
    try:
        await g3
    except asyncio.CancelledError:
        log('gather raised CancelledError when a child was cancelled')
    await asyncio.sleep(0.1)
    log('end')


run(main())
