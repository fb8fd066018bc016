import asyncio
from vclock import log, run, yn


async def waiter(cond):
    async with cond:
        try:
            log('waiter waits')
            await cond.wait()
        except asyncio.CancelledError:
            log(f'waiter sees the cancel, holds the lock again: {yn(cond.locked())}')
            raise
        finally:
            log('waiter finally')


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0.1)
    await cond.acquire()
    log('main holds the lock and cancels the waiter')
    t.cancel()
    await asyncio.sleep(0.2)
    log('main releases')
    cond.release()
    try:
        await t
    except asyncio.CancelledError:
        log('waiter task cancelled')
    log(f'locked {yn(cond.locked())}')


run(main())
