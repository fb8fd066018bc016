import asyncio
from vrun import log, run


async def child():
    try:
        await asyncio.sleep(10)
    finally:
        log('child finally')


async def main():
    asyncio.create_task(child(), name='child')
    await asyncio.sleep(0.2)
    raise RuntimeError('main failed')


try:
    run(main)
except RuntimeError as e:
    log(f'run raised RuntimeError: {e}')
