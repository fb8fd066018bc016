import time

start = time.perf_counter()

def now() -> str:
    return f"{(time.perf_counter() - start) * 1000:.0f} ms"

def download(name: str) -> str:
    print(f"{now()}: start {name}")
    time.sleep(0.1)  # 把整个线程阻塞 100 ms
    print(f"{now()}: got {name}")
    return f"<{name}>"

pages = [download(n) for n in ["a", "b", "c"]]
print(f"{now()}: all done: {' '.join(pages)}")
