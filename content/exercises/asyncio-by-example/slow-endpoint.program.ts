import { blockFor, createTask, now, sleep } from 'miniloop';

// Three requests arrive at a small web service at once; a health check
// comes in every 50 ms and should be answered at once.
async function search() {
  await sleep(200); // ask the search service and wait for its answer
  console.log(`${now()} ms: GET /search answered`);
}

async function avatar() {
  await sleep(20); // read the upload
  blockFor(150); // resize the image in plain JavaScript
  console.log(`${now()} ms: GET /avatar answered`);
}

async function feed() {
  await sleep(10); // load the posts
  blockFor(30); // JSON.stringify a large feed
  console.log(`${now()} ms: GET /feed answered`);
}

async function healthChecks() {
  for (let i = 1; i <= 5; i++) {
    const asked = i * 50;
    await sleep(asked - now());
    console.log(`${now()} ms: health check ${i} answered ${now() - asked} ms late`);
  }
}

createTask(search, { name: 'GET /search' });
createTask(avatar, { name: 'GET /avatar' });
createTask(feed, { name: 'GET /feed' });
createTask(healthChecks, { name: 'health' });
