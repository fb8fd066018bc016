import asyncio
from vrun import log, run


async def raises_in_cleanup():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log('raiser cancelled')
        await asyncio.sleep(0.1)
        raise ValueError('cleanup failed')


async def swallows():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.05)
        log('swallower cancelled, returns instead')
        await asyncio.sleep(0.2)
        return 'ignored'


async def failed_early():
    await asyncio.sleep(0.1)
    raise KeyError('early')


async def main():
    asyncio.create_task(raises_in_cleanup(), name='raiser')
    asyncio.create_task(swallows(), name='swallower')
    early = asyncio.create_task(failed_early(), name='early')
    await asyncio.sleep(0.3)
    log(f'early done: {early.done()}')
    try:
        early.result()
    except KeyError as e:
        log(f'early raised KeyError {e}')
    log('main returns')


run(main)
log('after run')
