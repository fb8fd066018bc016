import asyncio
from vrun import log, run


async def worker(name, cleanup):
    try:
        await asyncio.sleep(10)
        log(f'{name} finished')
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        log(f'{name} was cancelled')
        await asyncio.sleep(0.1)
        log(f'{name} cleaned up')
        raise


async def main():
    asyncio.create_task(worker('a', 0.3))
    asyncio.create_task(worker('b', 0.1))
    await asyncio.sleep(0.5)
    log('main returns')
    return 42


log(f'run returned {run(main)}')
