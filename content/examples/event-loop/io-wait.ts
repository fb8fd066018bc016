import { createTask, network, now, sleep } from 'miniloop';

// A server that answers each message after 200 ms of "work elsewhere".
network.listen('db.local', 5432, async (conn) => {
  const query = await conn.read();
  await sleep(200);
  await conn.write(`result of ${query}`);
});

// While main waits for the reply, the loop keeps running other things.
createTask(async () => {
  for (let i = 0; i < 5; i++) {
    await sleep(60);
    console.log(`${now()} ms: ticker`);
  }
}, { name: 'ticker' });

const conn = await network.connect('db.local', 5432);
console.log(`${now()} ms: connected, sending the query`);
await conn.write('SELECT 1');
const reply = await conn.read(); // the task waits; the loop does not
console.log(`${Math.round(now())} ms: ${reply}`);
