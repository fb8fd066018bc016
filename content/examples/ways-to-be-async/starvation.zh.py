import asyncio

# asyncio 的规则：每一轮只运行这一轮开始时已就绪的回调。不断重新调度自己的
# 回调每轮只占一个位置，所以定时器在第一轮之后就能插进来。asyncio 没有
# 微任务队列，所以在线示例的前半部分在这里没有对应。

async def main() -> None:
    loop = asyncio.get_running_loop()
    soon = 0

    def spin() -> None:
        nonlocal soon
        soon += 1
        print(f"callback {soon}")
        if soon < 5:
            loop.call_soon(spin)

    loop.call_later(0, lambda: print("the timer"))
    loop.call_soon(spin)
    await asyncio.sleep(0.02)

asyncio.run(main())
