import asyncio
from vclock import log, run


async def worker():
    try:
        log('worker sleeping')
        await asyncio.sleep(1)
        log('not reached')
    except asyncio.CancelledError as e:
        log(f'worker caught CancelledError: {e}')
        await asyncio.sleep(0.1)
        log('worker cleanup done')
        raise
    finally:
        log('worker finally')


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.2)
    log('main cancels')
    t.cancel('stop now')
    log(f'cancelling, done? {"yes" if t.done() else "no"}')
    try:
        await t
    except asyncio.CancelledError as e:
        log(f'main sees CancelledError: {e}')
    log(f'cancelled() {"yes" if t.cancelled() else "no"}')
    t2 = asyncio.create_task(worker())
    t2.cancel()
    log('cancelled before it started')
    try:
        await t2
    except asyncio.CancelledError:
        log(f't2 cancelled() {"yes" if t2.cancelled() else "no"}')


run(main())
