import asyncio
from vrun import log, run


async def spinner():
    i = 0
    try:
        while True:
            log(f'spin {i}')
            i += 1
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        log(f'spinner cancelled after {i}')
        raise


async def main():
    asyncio.create_task(spinner(), name='spinner')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log('main returns')


run(main)
log('after run')
