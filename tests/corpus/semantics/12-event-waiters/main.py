import asyncio
from vclock import log, run


async def waiter(name, event):
    log(f'{name} waiting')
    await event.wait()
    log(f'{name} woke')


async def main():
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ['w1', 'w2', 'w3']]
    await asyncio.sleep(0.1)
    log('setting event')
    event.set()
    log(f'is_set {"yes" if event.is_set() else "no"}')
    await asyncio.sleep(0)
    log('main after one yield')
    await asyncio.gather(*tasks)
    event.clear()
    late = asyncio.create_task(waiter('late', event))
    await asyncio.sleep(0.2)
    event.set()
    await late
    await event.wait()
    log('already set: no wait')


run(main())
