import asyncio
from vclock import log, run


def yn(b):
    return 'yes' if b else 'no'


async def worker(name, delay):
    log(f'{name} start in {asyncio.current_task().get_name()}')
    await asyncio.sleep(delay)
    log(f'{name} end')
    return name


async def main():
    t1 = asyncio.create_task(worker('a', 0.2), name='A')
    t2 = asyncio.create_task(worker('b', 0.1), name='B')
    t3 = asyncio.create_task(worker('c', 0.1), name='C')
    log('created 3 tasks')
    log(f'a done? {yn(t1.done())}')
    await asyncio.sleep(0)
    log('main after sleep(0)')
    r = await t1
    log(f'awaited {r}, b done {yn(t2.done())}, c result {t3.result()}')
    log(f'names {t1.get_name()} {t2.get_name()} {t3.get_name()}')


run(main())
