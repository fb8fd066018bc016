# Where async does not help: blocking or CPU-bound work in a handler holds the
# loop's only thread, so requests are served one at a time. asyncio.to_thread
# moves blocking work to the loop's default thread pool, which has
# min(32, os.cpu_count() + 4) threads; this server gives it four, like the
# playground. CPU-bound Python code needs processes (one ProcessPoolExecutor,
# made once and shut down at exit) to use more than one core.
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

def resize_image():
    time.sleep(0.1)  # stands for 100 ms of blocking work
    return "resized"

async def blocking(request):
    resize_image()  # the whole server stops for 100 ms
    return web.Response(text="done")

async def in_a_thread(request):
    await asyncio.to_thread(resize_image)  # the loop serves others meanwhile
    return web.Response(text="done")

async def four_threads(app):
    pool = ThreadPoolExecutor(max_workers=4)
    asyncio.get_running_loop().set_default_executor(pool)  # used by asyncio.to_thread
    yield
    pool.shutdown()

app = web.Application()
app.add_routes([web.get("/blocking", blocking), web.get("/in-a-thread", in_a_thread)])
app.cleanup_ctx.append(four_threads)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8080)
