# 原文的 aiomysql 客户端，改用 asyncio.run 运行：一个连接池，用
# `async with pool.acquire()` 取连接（无论代码块怎样结束都会归还），
# 每条语句一个游标，写入后 commit，最后关闭连接池。
import asyncio
import time

import aiomysql

async def select(conn):
    async with conn.cursor() as cur:
        await cur.execute("SELECT id, name FROM users WHERE age > %s ORDER BY id LIMIT 10", (20,))
        return [{"id": r[0], "name": r[1]} for r in await cur.fetchall()]

async def write(conn, sql, params):
    async with conn.cursor() as cur:
        await cur.execute(sql, params)
        await conn.commit()
        return cur.lastrowid if sql.startswith("INSERT") else cur.rowcount

async def ten_slow_queries(size):
    pool = await aiomysql.create_pool(host="localhost", user="root", password="", db="testdb", maxsize=size)

    async def slow():
        async with pool.acquire() as conn, conn.cursor() as cur:
            await cur.execute("SELECT SLEEP(0.2)")

    start = time.perf_counter()
    await asyncio.gather(*(slow() for _ in range(10)))
    print(f"10 queries of 200 ms, pool of {size}: {(time.perf_counter() - start) * 1000:.0f} ms")
    pool.close()
    await pool.wait_closed()

async def main():
    pool = await aiomysql.create_pool(
        host="localhost", user="root", password="", db="testdb",
        charset="utf8mb4", autocommit=False, minsize=1, maxsize=2,
    )
    try:
        async with pool.acquire() as conn:
            print(await select(conn))
            new_id = await write(conn, "INSERT INTO users (name, age) VALUES (%s, %s)", ("Tom", 25))
            print(f"Insert new record ID: {new_id}")
            print(f"{await write(conn, 'UPDATE users SET age = %s WHERE id = %s', (25, 1))} row(s) updated.")
            print(f"{await write(conn, 'DELETE FROM users WHERE id = %s', (5,))} row(s) deleted.")
    finally:
        pool.close()
        await pool.wait_closed()

    await ten_slow_queries(2)
    await ten_slow_queries(10)

if __name__ == "__main__":
    asyncio.run(main())
