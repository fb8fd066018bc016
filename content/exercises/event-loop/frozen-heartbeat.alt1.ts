import { createTask, gather, now, sleep, toThread } from 'miniloop';

async function heartbeat() {
  for (let i = 1; i <= 5; i++) {
    await sleep(100);
    console.log(`${now()} ms: beat ${i}`);
  }
}

const renderPdf = () => 'report.pdf';

await gather(
  () => heartbeat(),
  async () => {
    const file = await toThread(renderPdf, 300);
    console.log(`${now()} ms: rendered ${file}`);
  },
);
