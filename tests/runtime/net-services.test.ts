/**
 * The built-in services on the simulated network: kv (Redis-like), sql (a
 * database with a pool) and search (Elasticsearch-like). Timing follows the
 * model in src/runtime/net/service.ts: link time + the service's cost.
 */
import { describe, expect, it } from 'vitest';
import { runSource } from './run-source.ts';

async function run(source: string): Promise<string[]> {
  const result = await runSource(source);
  expect(result.problems).toEqual([]);
  return result.lines.map((l) => `${l.t} ${l.task}: ${l.text}`);
}
const text = (lines: string[]) => lines.map((l) => l.replace(/^[\d.]+ [^:]+: /, ''));

describe('kv', () => {
  it('connect costs a round trip (1 ms), each command about 1 ms; values are strings', async () => {
    const out = await run(`
      import { kv, now } from 'miniloop';
      const r = await kv.connect();
      console.log('connected', now());
      console.log(await r.set('key', 'value'), await r.get('key'), await r.get('missing'));
      console.log(await r.incr('n'), await r.incr('n'), await r.set('age', 30), typeof (await r.get('age')));
      console.log(Math.round(now()));
      await r.command('INCR', 'key').catch((e) => console.log(e.name, e.message));
      r.close();
    `);
    expect(out[0]).toBe('1 main: connected 1');
    expect(text(out).slice(1)).toEqual(['OK value null', '1 2 OK string', '8', 'ResponseError ERR value is not an integer or out of range']);
  });

  it('commands sent without awaiting each other are pipelined: one round trip for all', async () => {
    const out = await run(`
      import { kv, now } from 'miniloop';
      const r = await kv.connect();
      const t = now();
      const replies = await Promise.all([r.set('a', 1), r.incr('a'), r.incr('a'), r.get('a')]);
      console.log(replies.join(' '), Math.round(now() - t));
    `);
    expect(text(out)).toEqual(['OK 2 3 3 1']);
  });

  it('expiry follows the virtual clock', async () => {
    const out = await run(`
      import { kv, sleep } from 'miniloop';
      const r = await kv.connect();
      await r.set('session', 'abc', { ex: 10 });
      console.log(await r.ttl('session'), await r.get('session'));
      await sleep(10_000);
      console.log(await r.ttl('session'), await r.get('session'), await r.exists('session'));
    `);
    expect(text(out)).toEqual(['10 abc', '-2 null 0']);
  });

  it('publish reaches subscribers; it returns how many got it', async () => {
    const out = await run(`
      import { kv, createTask, sleep } from 'miniloop';
      const r = await kv.connect();
      const sub = await r.subscribe('news');
      const reader = createTask(async () => {
        for await (const m of sub) console.log('got', m.channel, m.message);
        console.log('subscription closed');
      }, { name: 'reader' });
      console.log('receivers', await r.publish('news', 'hello'), await r.publish('other', 'x'));
      console.log('receivers', await r.publish('news', 'again'));
      await sleep(10); // messages in flight when a subscription closes are lost, as with Redis
      sub.close();
      await reader;
    `);
    expect(text(out)).toEqual(['got news hello', 'receivers 1 0', 'got news again', 'receivers 1', 'subscription closed']);
  });

  it('waits are labelled with the command', async () => {
    const result = await runSource(`
      import { kv } from 'miniloop';
      const r = await kv.connect();
      await r.get('user:1');
    `);
    const waits = result.trace.filter((e) => e.kind === 'wait').map((e) => (e.detail as { on: { kind: string; what: string } }).on);
    expect(waits).toContainEqual({ kind: 'network', what: 'redis GET user:1' });
  });
});

describe('sql', () => {
  const users = `[
    { id: 1, name: 'Ann', age: 31 }, { id: 2, name: 'Bob', age: 19 }, { id: 3, name: 'Cy', age: 25 },
    { id: 4, name: 'Di', age: 42 }, { id: 5, name: 'Ed', age: 22 },
  ]`;

  it('10 queries of 50 ms on a pool of 2 take 250 ms; never more than 2 at once', async () => {
    const out = await run(`
      import { sql, now, createTask } from 'miniloop';
      const pool = sql.createPool({ size: 2, latency: 0 });
      let running = 0, most = 0;
      const one = async (i) => {
        const conn = await pool.acquire();
        running++; most = Math.max(most, running);
        try { await conn.query('SELECT pg_sleep(0.05)'); } finally { running--; pool.release(conn); }
      };
      await Promise.all(Array.from({ length: 10 }, (_, i) => createTask(() => one(i), { name: 'q' + i })));
      console.log(now(), most, pool.opened);
    `);
    expect(out).toEqual(['250 main: 250 2 2']);
  });

  it('with the default 0.5 ms latency each query adds a round trip: pool.query', async () => {
    const out = await run(`
      import { sql, now } from 'miniloop';
      const pool = sql.createPool({ size: 1 });
      await Promise.all([pool.query('SELECT pg_sleep(0.05)'), pool.query('SELECT pg_sleep(0.05)')]);
      console.log(Math.round(now() * 10) / 10);
    `);
    // connect 1 ms, then two queries one after another: each 1 ms round trip + 50 ms
    expect(text(out)).toEqual(['103']);
  });

  it("runs the article's statements: SELECT ... WHERE ... ORDER BY ... LIMIT, INSERT, UPDATE, DELETE", async () => {
    const out = await run(`
      import { sql } from 'miniloop';
      const pool = sql.createPool({ size: 2, tables: { users: ${users} } });
      const conn = await pool.acquire();
      const sel = await conn.query('SELECT id, name FROM users WHERE age > %s ORDER BY id LIMIT 10;', [20]);
      console.log(JSON.stringify(sel.rows));
      const ins = await conn.query('INSERT INTO users (name, age) VALUES ($1, $2)', ['Tom', 25]);
      console.log('insert id', ins.insertId, ins.rowCount);
      console.log('updated', (await conn.query('UPDATE users SET age = ? WHERE id = ?', [26, 1])).rowCount);
      console.log('deleted', (await conn.query('DELETE FROM users WHERE id = $1', [5])).rowCount);
      const all = await conn.query("SELECT * FROM users WHERE name LIKE 'T%' OR (age >= 26 AND age < 40) ORDER BY age DESC");
      console.log(JSON.stringify(all.rows));
      console.log(JSON.stringify((await conn.query('SELECT COUNT(*) FROM users')).rows));
      await conn.query('SELECT nope FROM users').catch((e) => console.log(e.name, e.message));
      await conn.query('DROP TABLE users').catch((e) => console.log(e.name));
      pool.release(conn);
    `);
    expect(text(out)).toEqual([
      '[{"id":1,"name":"Ann"},{"id":3,"name":"Cy"},{"id":4,"name":"Di"},{"id":5,"name":"Ed"}]',
      'insert id 6 1',
      'updated 1',
      'deleted 1',
      '[{"id":1,"name":"Ann","age":26},{"id":6,"name":"Tom","age":25}]',
      '[{"count":5}]',
      'QueryError column "nope" does not exist',
      'QueryError',
    ]);
  });

  it('a lookup by id scans one row; a filter scans the table (1 ms + 0.01 ms per row)', async () => {
    const out = await run(`
      import { sql, now } from 'miniloop';
      const rows = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, n: i }));
      const pool = sql.createPool({ size: 1, latency: 0, tables: { big: rows } });
      let t = now(); await pool.query('SELECT * FROM big WHERE id = $1', [500]); console.log(now() - t);
      t = now(); await pool.query('SELECT * FROM big WHERE n = $1', [499]); console.log(now() - t);
    `);
    expect(text(out)).toEqual(['1.01', '11']);
  });

  it('two queries at once on one connection fail like asyncpg; the pool is the fix', async () => {
    const out = await run(`
      import { sql } from 'miniloop';
      const pool = sql.createPool({ size: 1 });
      const conn = await pool.acquire();
      const a = conn.query('SELECT 1');
      await conn.query('SELECT 2').catch((e) => console.log(e.name, e instanceof sql.InterfaceError));
      console.log(JSON.stringify((await a).rows));
    `);
    expect(text(out)).toEqual(['InterfaceError true', '[{"?column?":1}]']);
  });

  it('a task waiting for the pool is shown waiting on "db pool"', async () => {
    const result = await runSource(`
      import { sql, createTask } from 'miniloop';
      const pool = sql.createPool({ size: 1 });
      await Promise.all([createTask(() => pool.query('SELECT pg_sleep(0.01)')), createTask(() => pool.query('SELECT pg_sleep(0.01)'))]);
    `);
    const waits = result.trace.filter((e) => e.kind === 'wait').map((e) => (e.detail as { on: { kind: string; what: string } }).on);
    expect(waits).toContainEqual({ kind: 'semaphore', what: 'db pool' });
    expect(waits).toContainEqual({ kind: 'network', what: 'db query: SELECT pg_sleep(0.01)' });
  });
});

describe('search', () => {
  it('indexes documents and finds them by words, best score first', async () => {
    const out = await run(`
      import { search, now } from 'miniloop';
      const es = await search.connect();
      console.log((await es.info()).tagline);
      await es.index({ title: 'asyncio by example', body: 'an event loop in Python' }, { id: 1 });
      await es.index({ title: 'trio', body: 'structured concurrency with nurseries' }, { id: 2 });
      await es.index({ title: 'the event loop', body: 'the loop runs callbacks; the loop waits for events' }, { id: 3 });
      const r = await es.search('event loop');
      console.log(r.total, r.hits.map((h) => h.id + ':' + h.score).join(' '), r.took);
      console.log((await es.search('nurseries')).hits[0].source.title);
      console.log((await es.search('java')).total, JSON.stringify(await es.get(9)));
      es.close();
    `);
    // N=3; "event" in docs 1,3 (df 2), "loop" in 1,3 (df 2): idf = ln(1 + 1.5/2.5) = 0.47;
    // doc 1: tf 1 each -> 2 * 0.47 * 2.2/2.2 = 0.94; doc 3: loop tf 3, event tf 1 -> 0.47*(6.6/4.2) + 0.47 = 1.209
    expect(text(out)).toEqual(['You Know, for Search', '2 3:1.209 1:0.94 1.03', 'trio', '0 null']);
  });
});
