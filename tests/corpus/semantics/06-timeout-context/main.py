import asyncio
from vclock import log, run


async def body(name, delay):
    try:
        log(f'{name} body start')
        await asyncio.sleep(delay)
        log(f'{name} body end')
        return name
    finally:
        log(f'{name} body finally')


async def main():
    async with asyncio.timeout(0.5):
        r = await body('quick', 0.2)
    log(f'quick returned {r}')
    try:
        async with asyncio.timeout(0.3):
            await body('late', 1.0)
        log('not reached')
    except TimeoutError as e:
        log(f'late: {type(e).__name__}')
    try:
        async with asyncio.timeout(0.1):
            await body('nested outer', 0.05)
            async with asyncio.timeout(1.0):
                await body('nested inner', 0.5)
    except TimeoutError:
        log('outer deadline won')
    log('end')


run(main())
