import trio
from vclock import log, run_trio


async def server(port, task_status=trio.TASK_STATUS_IGNORED):
    log(f'server setting up on {port}')
    await trio.sleep(0.2)
    task_status.started(port + 1)
    log('server ready, serving')
    await trio.sleep(0.3)
    log('server done')


async def client(port):
    log(f'client connects to {port}')
    await trio.sleep(0.1)
    log('client done')


async def main():
    async with trio.open_nursery() as nursery:
        log('starting server')
        port = await nursery.start(server, 8000)
        log(f'server started on {port}')
        nursery.start_soon(client, port)
    log('end')


run_trio(main)
