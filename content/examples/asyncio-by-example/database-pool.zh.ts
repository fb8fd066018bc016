// 原文的 aiomysql 客户端，带连接池：取一个连接，执行语句，再还回去。
// 然后看连接池的大小对十个慢查询有什么影响（每个 SELECT SLEEP(0.2) 要 200 ms）。
import { createTask, now, sql } from 'miniloop';

const pool = sql.createPool({
  size: 2,
  tables: {
    users: [
      { id: 1, name: 'Ann', age: 31 },
      { id: 2, name: 'Bob', age: 19 },
      { id: 3, name: 'Cy', age: 25 },
      { id: 5, name: 'Ed', age: 22 },
    ],
  },
});

const conn = await pool.acquire();
try {
  const found = await conn.query('SELECT id, name FROM users WHERE age > %s ORDER BY id LIMIT 10', [20]);
  console.log(found.rows);
  const inserted = await conn.query('INSERT INTO users (name, age) VALUES (%s, %s)', ['Tom', 25]);
  console.log(`新插入记录的 ID：${inserted.insertId}`);
  const updated = await conn.query('UPDATE users SET age = %s WHERE id = %s', [25, 1]);
  console.log(`更新了 ${updated.rowCount} 行。`);
  const deleted = await conn.query('DELETE FROM users WHERE id = %s', [5]);
  console.log(`删除了 ${deleted.rowCount} 行。`);
} finally {
  pool.release(conn); // 一定要还回去，否则连接池会被耗光
}

async function tenSlowQueries(size: number) {
  const p = sql.createPool({ size });
  const start = now();
  const tasks = [];
  for (let i = 0; i < 10; i++) tasks.push(createTask(() => p.query('SELECT SLEEP(0.2)'), { name: `query ${i}` }));
  await Promise.all(tasks);
  console.log(`10 个 200 ms 的查询，池大小 ${size}：${Math.round(now() - start)} ms`);
  p.close();
}
await tenSlowQueries(2);
await tenSlowQueries(10);
