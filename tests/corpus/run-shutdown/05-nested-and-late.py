import asyncio
from vrun import log, run


async def grandchild():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.02)
        log('grandchild cancelled')
        raise


async def parent():
    asyncio.create_task(grandchild(), name='grandchild')
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log('parent cancelled')
        await asyncio.sleep(0.05)
        log('parent cleaned up')
        raise


async def late():
    log('late task runs its first step')


async def main():
    asyncio.create_task(parent(), name='parent')
    await asyncio.sleep(0.1)
    asyncio.create_task(late(), name='late')
    log('main returns')
    return 'done'


log(f'run returned {run(main)}')
