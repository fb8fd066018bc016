# 1. yield from delegates to another generator: its yields pass straight
#    through to whoever drives us, and its return value becomes the value
#    of the yield from expression (PEP 380). asyncio's first coroutines were
#    built on it.


def sleep(ms):
    t = yield ms  # the request goes all the way up to the driver
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


# 2. The same program with async def and await. Only one piece is not a
#    coroutine: Sleep, an awaitable whose __await__ is a generator. Its yield
#    is where every await in the chain bottoms out (asyncio's Future.__await__
#    does the same: it yields the future itself to the Task driving it).


class Sleep:
    def __init__(self, ms):
        self.ms = ms

    def __await__(self):
        t = yield self.ms  # the request goes all the way up to the driver
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


# The smallest possible driver, the same for both: answer every request
# with a fake clock. A coroutine is driven with send() like a generator.
def drive(co):
    clock = 0
    request = co.send(None)  # prime it: run to the first request
    while True:
        clock += request
        try:
            request = co.send(clock)
        except StopIteration as stop:
            return stop.value


print("main returned", drive(main()))
print("main_async returned", drive(main_async()))
