// The article's aiomysql client, with a connection pool: acquire a
// connection, run statements, give it back. Then: what the pool's size does
// to ten slow queries (each SELECT SLEEP(0.2) takes 200 ms).
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
  console.log(`Insert new record ID: ${inserted.insertId}`);
  const updated = await conn.query('UPDATE users SET age = %s WHERE id = %s', [25, 1]);
  console.log(`${updated.rowCount} row(s) updated.`);
  const deleted = await conn.query('DELETE FROM users WHERE id = %s', [5]);
  console.log(`${deleted.rowCount} row(s) deleted.`);
} finally {
  pool.release(conn); // always give it back, or the pool runs dry
}

async function tenSlowQueries(size: number) {
  const p = sql.createPool({ size });
  const start = now();
  const tasks = [];
  for (let i = 0; i < 10; i++) tasks.push(createTask(() => p.query('SELECT SLEEP(0.2)'), { name: `query ${i}` }));
  await Promise.all(tasks);
  console.log(`10 queries of 200 ms, pool of ${size}: ${Math.round(now() - start)} ms`);
  p.close();
}
await tenSlowQueries(2);
await tenSlowQueries(10);
