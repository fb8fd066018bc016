import { gather, sleep } from 'miniloop';

async function fetchPage(url: string, ms: number) {
  await sleep(ms);
  console.log(`取到 ${url}`);
  return url;
}

const pages = await gather(
  () => fetchPage('/a', 200),
  () => fetchPage('/bb', 50),
  () => fetchPage('/ccc', 120),
);
console.log(`全部完成：${pages.join(' ')}`);
