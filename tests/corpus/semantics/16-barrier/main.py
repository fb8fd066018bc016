import asyncio
from vclock import log, run


async def party(name, delay, barrier):
    await asyncio.sleep(delay)
    log(f'{name} arrives')
    i = await barrier.wait()
    log(f'{name} passes with index {i}')


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(party('a', 0.1, barrier), party('b', 0.3, barrier), party('c', 0.2, barrier))
    log(f'round 1 done, waiting {barrier.n_waiting}')
    await asyncio.gather(party('d', 0, barrier), party('e', 0, barrier), party('f', 0.1, barrier))
    log('round 2 done')


run(main())
