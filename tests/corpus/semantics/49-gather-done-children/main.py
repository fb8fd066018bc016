import asyncio
from vclock import log, run, yn


async def child(n):
    log(f'child {n} runs')
    return n * 10


async def ticker():
    for i in range(3):
        log(f'tick {i}')
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(child(1))
    b = asyncio.create_task(child(2))
    await asyncio.sleep(0)
    log(f'both done: {yn(a.done() and b.done())}')
    t = asyncio.create_task(ticker())
    # 3.12+: gather counts children that are already done at once, so the
    # gathering future is done when gather() returns and awaiting it does not
    # suspend; 3.11 scheduled a callback per child and needed loop turns.
    r = await asyncio.gather(a, b)
    log(f'gathered {r[0]} {r[1]}')
    await t
    log('ticker done')


run(main())
