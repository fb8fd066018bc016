import asyncio
from vrun import log, run

held = []


async def ticks(name):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0.1)
    finally:
        log(f'{name} closing')
        await asyncio.sleep(0.05)
        log(f'{name} closed')


async def finished():
    try:
        yield 1
    finally:
        log('finished gen finally')


async def main():
    g = ticks('g')
    held.append(g)
    log(f'g gave {await g.__anext__()}')
    log(f'g gave {await g.__anext__()}')
    f = finished()
    held.append(f)
    async for x in f:
        log(f'f gave {x}')
    log('main returns')


run(main)
log('after run')
