import trio
from vclock import log, run_trio


async def spawner(nursery, depth):
    log(f'spawner {depth} runs')
    await trio.sleep(0.1)
    if depth < 3:
        nursery.start_soon(spawner, nursery, depth + 1)
        log(f'spawner {depth} spawned {depth + 1}')
    await trio.sleep(0.05)
    log(f'spawner {depth} ends')


async def main():
    async with trio.open_nursery() as nursery:
        nursery.start_soon(spawner, nursery, 1)
        log('body ends at once')
    log('nursery waited for every generation')


run_trio(main)
