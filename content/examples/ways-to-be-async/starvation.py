import asyncio

# asyncio's rule: a turn runs only the callbacks that were ready when it
# began. A callback that keeps rescheduling itself gets one slot per turn,
# so the timer gets in after the first one. asyncio has no microtask queue,
# so the first half of the playground has no counterpart here.

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
