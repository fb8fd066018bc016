import trio
from vclock import log, run_trio


async def child(name, delay):
    log(f'{name} started')
    await trio.sleep(delay)
    log(f'{name} finished')


async def main():
    log('opening nursery')
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child, 'a', 0.3)
        nursery.start_soon(child, 'b', 0.1)
        nursery.start_soon(child, 'c', 0.2)
        log('body done, nursery waits for children')
    log('nursery closed')
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child, 'd', 0.1)
        await trio.sleep(0.2)
        log('body slept longer than its child')
    log('end')


run_trio(main)
