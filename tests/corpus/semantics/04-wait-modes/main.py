import asyncio
from vclock import log, run


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return ','.join(sorted(t.get_name() for t in tasks))


async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in [('a', 0.3), ('b', 0.1), ('c', 0.2)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    log(f'first completed: done={names(done)} pending={names(pending)}')
    done, pending = await asyncio.wait(ts, timeout=0.15)
    log(f'timeout: done={names(done)} pending={names(pending)}')
    done, pending = await asyncio.wait(ts)
    log(f'all: done={names(done)} pending={names(pending)}')
    ts = [asyncio.create_task(job(n, d, f), name=n) for n, d, f in [('d', 0.1, False), ('e', 0.2, True), ('f', 0.4, False)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    log(f'first exception: done={names(done)} pending={names(pending)}')
    for t in sorted(done, key=lambda t: t.get_name()):
        e = t.exception()
        log(f'{t.get_name()} -> {type(e).__name__ + ":" + str(e) if e else t.result()}')
    await asyncio.wait(pending)
    log('rest finished')


run(main())
