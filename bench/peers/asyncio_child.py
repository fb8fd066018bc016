"""Peer of benchmark (b) in a fresh process: the same 100,000-task workload on
CPython's asyncio (C Task, C Future), on a virtual clock: the guide's one
virtual-clock loop, src/python/virtual_asyncio.py (a BaseEventLoop whose
"selector" moves the clock on instead of waiting), untraced. What a Python
user would run; no trace is recorded and the "console" is a list of lines,
as the loop's result holds.

Usage (from bench/peers/peers.mjs): python3 bench/peers/asyncio_child.py TASKS
Prints one JSON object: wall and cpu (ms, the one cold run; cpu is the
process's user + system time), maxRss (bytes), lines, version, and
executable: which interpreter ran, since its build moves the time by ~10%
(pyenv builds without PGO/LTO by default; bench/README.md, tenth session).
"""
import asyncio
import json
import os
import random
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'src', 'python'))
from virtual_asyncio import new_virtual_loop  # noqa: E402


def main(tasks):
    lines = []

    async def sleeper(i):
        await asyncio.sleep(random.randrange(10_000) / 1000)
        lines.append(f'woke {i}')

    async def top():
        for i in range(tasks):
            asyncio.create_task(sleeper(i))
        await asyncio.sleep(10)  # every task sleeps less than this
        lines.append('all done')

    loop = new_virtual_loop()
    asyncio.set_event_loop(loop)
    started = time.perf_counter()
    cpu_started = time.process_time()
    loop.run_until_complete(top())
    wall = (time.perf_counter() - started) * 1000
    cpu = (time.process_time() - cpu_started) * 1000
    loop.close()
    if lines[-1] != 'all done':
        raise SystemExit(f'asyncio: last line {lines[-1]!r}, expected "all done"')
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    sys.stdout.write(json.dumps({'wall': wall, 'cpu': cpu, 'maxRss': maxrss, 'lines': len(lines),
                                 'version': sys.version.split()[0], 'executable': sys.executable}))


if __name__ == '__main__':
    main(int(sys.argv[1]))
