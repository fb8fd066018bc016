import { gather, sleep } from 'miniloop';

async function fetchPage(url: string, ms: number) {
  await sleep(ms);
  console.log(`got ${url}`);
  return url;
}

const pages = await gather(
  () => fetchPage('/a', 200),
  () => fetchPage('/bb', 50),
  () => fetchPage('/ccc', 120),
);
console.log(`all done: ${pages.join(' ')}`);
