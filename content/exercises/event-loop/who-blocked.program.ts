import { blockFor, createTask, now, sleep } from 'miniloop';

async function heartbeat() {
  for (let i = 0; i < 4; i++) {
    console.log(`${now()} ms: beat`);
    await sleep(100);
  }
}

async function thumbnails() {
  await sleep(120);
  blockFor(260); // resizing images in plain JavaScript, on the loop's thread
  console.log(`${now()} ms: thumbnails ready`);
}

async function logger() {
  await sleep(50);
  blockFor(20); // formatting a log entry
  console.log(`${now()} ms: log written`);
}

createTask(heartbeat, { name: 'heartbeat' });
createTask(thumbnails, { name: 'thumbnails' });
createTask(logger, { name: 'logger' });
