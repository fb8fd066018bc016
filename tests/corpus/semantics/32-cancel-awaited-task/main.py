import asyncio
from vclock import log, run, yn


async def inner():
    try:
        await asyncio.sleep(1)
        return 'inner done'
    except asyncio.CancelledError:
        log('inner cancelled')
        raise


async def outer(t):
    try:
        return await t
    except asyncio.CancelledError:
        log('outer cancelled')
        raise


async def swallower():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log('swallower ignores the cancel')
    return 'swallowed'


async def main():
    t = asyncio.create_task(inner())
    o = asyncio.create_task(outer(t))
    await asyncio.sleep(0.1)
    log(f'cancel outer: {yn(o.cancel())}')
    try:
        await o
    except asyncio.CancelledError:
        log(f'outer task cancelled, inner cancelled too? {yn(t.cancelled())}')
    s = asyncio.create_task(swallower())
    await asyncio.sleep(0.1)
    s.cancel()
    r = await s
    log(f'swallower returned {r}, cancelled() {yn(s.cancelled())}')
    log(f'cancel a done task: {yn(s.cancel())}')


run(main())
