import asyncio
from vclock import log, run, yn


async def work(name, delay):
    await asyncio.sleep(delay)
    log(f'{name} finished')
    return name


async def main():
    tasks = [asyncio.create_task(work(n, d)) for n, d in (('slow', 0.3), ('fast', 0.1), ('mid', 0.2))]
    # 3.13: `async for` over as_completed() yields the original tasks, in the
    # order they finish (the plain `for` still yields new awaitables).
    async for t in asyncio.as_completed(tasks):
        log(f'next: {t.result()}, one of ours: {yn(t in tasks)}')
    for aw in asyncio.as_completed([asyncio.create_task(work('again', 0.1))]):
        log(f'plain for: {await aw}')


run(main())
