import { createTask, now, sleep, toThread } from 'miniloop';

async function heartbeat() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`${now()} ms: beat ${i}`);
  }
}

async function render() {
  // The CPU-heavy call runs in a worker thread for 300 ms; the loop keeps serving the heartbeat.
  return toThread(() => 'report.pdf', 300);
}

const beats = createTask(heartbeat, { name: 'heartbeat' });
const file = await render();
console.log(`${now()} ms: rendered ${file}`);
await beats;
