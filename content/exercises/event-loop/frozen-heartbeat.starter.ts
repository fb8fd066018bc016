import { blockFor, createTask, now, sleep } from 'miniloop';

async function heartbeat() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`${now()} ms: beat ${i}`);
  }
}

async function render() {
  blockFor(300); // render the report: a CPU-heavy call
  return 'report.pdf';
}

const beats = createTask(heartbeat, { name: 'heartbeat' });
const file = await render();
console.log(`${now()} ms: rendered ${file}`);
await beats;
