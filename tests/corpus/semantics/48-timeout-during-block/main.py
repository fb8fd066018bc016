import asyncio
from vclock import block_for, log, run


async def main():
    # asyncio's timeout is an ordinary timer: after the stall, the task's
    # sleep(0) wake-up is already queued and runs first; the next await raises.
    try:
        async with asyncio.timeout(1):
            log('a: start')
            block_for(2)
            log('a: blocked 2s')
            await asyncio.sleep(0)
            log('a: after first sleep0')
            await asyncio.sleep(0)
            log('a: after second sleep0')
    except TimeoutError:
        log('a: timeout')
    try:
        async with asyncio.timeout(1):
            block_for(2)
            await asyncio.sleep(5)
            log('b: after sleep')
    except TimeoutError:
        log('b: timeout')


run(main())
