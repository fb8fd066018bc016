import asyncio
from vclock import log, run


async def user(name, lock, start):
    await asyncio.sleep(start)
    log(f'{name} wants the lock')
    await lock.acquire()
    try:
        log(f'{name} holds the lock')
        await asyncio.sleep(0.1)
    finally:
        lock.release()
        log(f'{name} released')


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(user('a', lock, 0), user('b', lock, 0.01), user('c', lock, 0.02), user('d', lock, 0.15))
    log(f'locked {"yes" if lock.locked() else "no"}')


run(main())
