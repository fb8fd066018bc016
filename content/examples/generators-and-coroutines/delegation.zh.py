# 1. yield from 把工作委托给另一个生成器：它的 yield 直接透传给驱动我们的一方，
#    它的返回值成为 yield from 表达式的值（PEP 380）。asyncio 最早的协程
#    就建立在它之上。


def sleep(ms):
    t = yield ms  # 这个请求一路向上传到驱动方
    return f"woke at {t}"


def fetch_page(url):
    woke = yield from sleep(100)
    print(f"fetch_page {woke}")
    return f"<html of {url}>"


def main():
    page = yield from fetch_page("example.com")
    print("got", page)
    print(f"main {(yield from sleep(50))}")
    return len(page)


# 2. 同一个程序，改用 async def 和 await。只有一处不是协程：Sleep，
#    一个 __await__ 为生成器的 awaitable。整条 await 链最终都落到它的 yield 上
#    （asyncio 的 Future.__await__ 也是这样：把 future 自身 yield 给驱动它的 Task）。


class Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __await__(self):
        t = yield self.ms  # 这个请求一路向上传到驱动方
        return f"woke at {t}"


async def fetch_page_async(url):
    woke = await Sleep(100)
    print(f"fetch_page_async {woke}")
    return f"<html of {url}>"


async def main_async():
    page = await fetch_page_async("example.com")
    print("got", page)
    print(f"main_async {await Sleep(50)}")
    return len(page)


# 最小的驱动器，两者通用：用一个假时钟回应每个请求。
# 协程和生成器一样，用 send() 来驱动。
def drive(co):
    clock = 0
    request = co.send(None)  # 先启动它：运行到第一个请求
    while True:
        clock += request
        try:
            request = co.send(clock)
        except StopIteration as stop:
            return stop.value


print("main returned", drive(main()))
print("main_async returned", drive(main_async()))
