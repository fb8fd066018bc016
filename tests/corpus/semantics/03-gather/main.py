import asyncio
from vclock import log, run


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f'{name} failed')
        log(f'{name} finished')
        return name.upper()
    except asyncio.CancelledError:
        log(f'{name} cancelled')
        raise


async def main():
    rs = await asyncio.gather(job('x', 0.3), job('y', 0.1), job('z', 0.2))
    log('results ' + ','.join(rs))
    rs = await asyncio.gather(job('p', 0.1, True), job('q', 0.2), return_exceptions=True)
    log('with exceptions ' + ','.join(type(r).__name__ + ':' + str(r) if isinstance(r, Exception) else r for r in rs))
    try:
        await asyncio.gather(job('m', 0.1, True), job('n', 0.2))
    except ValueError as e:
        log(f'gather raised {type(e).__name__}: {e}')
    await asyncio.sleep(0.2)
    log('end')


run(main())
