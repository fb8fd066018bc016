# 异步帮不上忙的地方：处理函数里的阻塞调用或 CPU 密集计算会占住事件循环
# 唯一的线程，请求只能一个接一个地处理。asyncio.to_thread 把阻塞的工作
# 交给事件循环的默认线程池，默认有 min(32, os.cpu_count() + 4) 个线程；
# 这个服务器和在线示例一样只给它 4 个。CPU 密集的 Python 代码要用上多个核，
# 得靠多进程（创建一个 ProcessPoolExecutor，只建一次，退出时关闭）。
import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

from aiohttp import web

def resize_image():
    time.sleep(0.1)  # 代表 100 ms 的阻塞工作
    return "resized"

async def blocking(request):
    resize_image()  # 整个服务器停住 100 ms
    return web.Response(text="done")

async def in_a_thread(request):
    await asyncio.to_thread(resize_image)  # 事件循环在此期间照常服务其他请求
    return web.Response(text="done")

async def four_threads(app):
    pool = ThreadPoolExecutor(max_workers=4)
    asyncio.get_running_loop().set_default_executor(pool)  # 供 asyncio.to_thread 使用
    yield
    pool.shutdown()

app = web.Application()
app.add_routes([web.get("/blocking", blocking), web.get("/in-a-thread", in_a_thread)])
app.cleanup_ctx.append(four_threads)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=8080)
